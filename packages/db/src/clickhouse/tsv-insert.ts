import { Readable } from 'node:stream';
import type { ClickHouseClient } from '@clickhouse/client';
import type { TradeExecutedV1, TransferV1 } from '@tidemark/schema';

/**
 * Bulk inserts in TabSeparated: one request per call, rows built as plain text (no per-row JSON
 * encoding, and ClickHouse parses TSV faster than JSONEachRow). Synchronous inserts (no
 * async_insert): the sink only moves its position once the rows are stored.
 */
const settings = { async_insert: 0 } as const;

const tradeColumns = [
  'chain_id',
  'block_number',
  'block_hash',
  'timestamp',
  'tx_hash',
  'log_index',
  'protocol',
  'pool',
  'trader',
  'sender',
  'recipient',
  'token_in',
  'token_out',
  'amount_in',
  'amount_out',
  'sqrt_price_x96',
  'liquidity',
  'tick',
  'gas_used',
  'effective_gas_price',
] as const;

const transferColumns = [
  'chain_id',
  'block_number',
  'block_hash',
  'timestamp',
  'tx_hash',
  'log_index',
  'token',
  'from_address',
  'to_address',
  'value',
] as const;

// Validated events hold only hex, digits and enum words; escaping guards anything else anyway.
const SPECIAL = /[\t\n\\]/;
const field = (value: string): string =>
  SPECIAL.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n')
    : value;

/** TabSeparated's NULL is `\N`: V2 trades have no pool state, older trades no gas figures. */
const nullable = (value: string | number | undefined): string =>
  value === undefined ? '\\N' : field(String(value));

function tradeLine(t: TradeExecutedV1): string {
  return `${t.chainId}\t${t.blockNumber}\t${field(t.blockHash)}\t${t.timestamp}\t${field(t.txHash)}\t${t.logIndex}\t${field(t.protocol)}\t${field(t.pool)}\t${field(t.trader)}\t${field(t.sender)}\t${field(t.recipient)}\t${field(t.tokenIn)}\t${field(t.tokenOut)}\t${field(t.amountIn)}\t${field(t.amountOut)}\t${nullable(t.sqrtPriceX96)}\t${nullable(t.liquidity)}\t${nullable(t.tick)}\t${nullable(t.gasUsed)}\t${nullable(t.effectiveGasPrice)}\n`;
}

function transferLine(t: TransferV1): string {
  return `${t.chainId}\t${t.blockNumber}\t${field(t.blockHash)}\t${t.timestamp}\t${field(t.txHash)}\t${t.logIndex}\t${field(t.token)}\t${field(t.from)}\t${field(t.to)}\t${field(t.value)}\n`;
}

async function insertTsv(
  client: ClickHouseClient,
  table: string,
  columns: readonly string[],
  text: string,
): Promise<void> {
  await client.insert({
    table,
    columns: [...columns] as [string, ...string[]],
    format: 'TabSeparated',
    values: Readable.from([Buffer.from(text)], { objectMode: false }),
    clickhouse_settings: settings,
  });
}

export function insertTradesTsv(client: ClickHouseClient, trades: readonly TradeExecutedV1[]) {
  return insertTsv(client, 'trades', tradeColumns, trades.map(tradeLine).join(''));
}

export function insertTransfersTsv(client: ClickHouseClient, transfers: readonly TransferV1[]) {
  return insertTsv(client, 'transfers', transferColumns, transfers.map(transferLine).join(''));
}
