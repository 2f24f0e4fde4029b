import type { ClickHouseClient } from '@clickhouse/client';
import type { PoolStateRecord, PricedTrade, TokenPriceRecord } from '@tidemark/domain';
import { StoreInputError } from '../../errors';
import { insertRows } from './sql';
import * as v from './values';

const pricedTradeColumns = [
  'chain_id',
  'block_number',
  'block_hash',
  'log_index',
  'timestamp',
  'tx_hash',
  'protocol',
  'pool',
  'trader',
  'base_token',
  'quote_token',
  'side',
  'base_amount',
  'quote_amount',
  'price_quote',
  'price_usd',
  'volume_usd',
  'fee_usd',
  'gas_fee_usd',
  'price_source',
  'realized_pnl_usd',
  'closes_position',
  'is_win',
] as const;

function side(value: string): string {
  if (value !== 'buy' && value !== 'sell')
    throw new StoreInputError(`side: expected "buy" or "sell", got "${value}"`);
  return value;
}

const flag = (value: boolean, field: string): number => {
  if (typeof value !== 'boolean') throw new StoreInputError(`${field}: expected true or false`);
  return value ? 1 : 0;
};

function pricedTradeRow(t: PricedTrade): (string | number | null)[] {
  return [
    v.chainId(t.chainId),
    v.integer(t.blockNumber, 'blockNumber'),
    v.hash(t.blockHash, 'blockHash'),
    v.integer(t.logIndex, 'logIndex', 0, 2 ** 32 - 1),
    v.unixTime(t.timestamp, 'timestamp'),
    v.hash(t.txHash, 'txHash'),
    v.text(t.protocol, 'protocol', 64),
    v.address(t.pool, 'pool'),
    v.address(t.trader, 'trader'),
    v.address(t.baseToken, 'baseToken'),
    v.address(t.quoteToken, 'quoteToken'),
    side(t.side),
    v.uint256(t.baseAmount, 'baseAmount'),
    v.uint256(t.quoteAmount, 'quoteAmount'),
    v.nullableDecimal(t.priceQuote, 'priceQuote'),
    v.nullableDecimal(t.priceUsd, 'priceUsd'),
    v.nullableDecimal(t.volumeUsd, 'volumeUsd'),
    v.nullableDecimal(t.feeUsd, 'feeUsd'),
    v.nullableDecimal(t.gasFeeUsd, 'gasFeeUsd'),
    v.text(t.priceSource, 'priceSource'),
    v.nullableDecimal(t.realizedPnlUsd, 'realizedPnlUsd'),
    flag(t.closesPosition, 'closesPosition'),
    flag(t.isWin, 'isWin'),
  ];
}

/** Validates every trade first: a bad one stores none of the batch. */
export function insertPricedTradeRows(client: ClickHouseClient, trades: readonly PricedTrade[]) {
  return insertRows(client, 'priced_trades', pricedTradeColumns, trades.map(pricedTradeRow));
}

const tokenPriceColumns = [
  'chain_id',
  'token',
  'block_number',
  'block_hash',
  'timestamp',
  'price_usd',
  'source',
] as const;

export function insertTokenPriceRows(
  client: ClickHouseClient,
  prices: readonly TokenPriceRecord[],
) {
  const rows = prices.map((p) => [
    v.chainId(p.chainId),
    v.address(p.token, 'token'),
    v.integer(p.blockNumber, 'blockNumber'),
    v.hash(p.blockHash, 'blockHash'),
    v.unixTime(p.timestamp, 'timestamp'),
    v.decimal(p.priceUsd, 'priceUsd'),
    v.text(p.source, 'source'),
  ]);
  return insertRows(client, 'token_prices', tokenPriceColumns, rows);
}

const poolStateColumns = [
  'chain_id',
  'pool',
  'block_number',
  'block_hash',
  'timestamp',
  'liquidity_usd',
  'price_quote',
  'price_usd',
] as const;

function poolStateRow(s: PoolStateRecord): (string | number | null)[] {
  return [
    v.chainId(s.chainId),
    v.address(s.pool, 'pool'),
    v.integer(s.blockNumber, 'blockNumber'),
    v.hash(s.blockHash, 'blockHash'),
    v.unixTime(s.timestamp, 'timestamp'),
    v.nullableDecimal(s.liquidityUsd, 'liquidityUsd'),
    v.nullableDecimal(s.priceQuote, 'priceQuote'),
    v.nullableDecimal(s.priceUsd, 'priceUsd'),
  ];
}

/**
 * Every state goes to pool_states; pool_latest keeps the highest block per pool itself
 * (ReplacingMergeTree versioned by block number), so all rows can go there too.
 */
export async function insertPoolStateRows(
  client: ClickHouseClient,
  states: readonly PoolStateRecord[],
): Promise<void> {
  const rows = states.map(poolStateRow);
  await insertRows(client, 'pool_states', poolStateColumns, rows);
  await insertRows(client, 'pool_latest', poolStateColumns, rows);
}
