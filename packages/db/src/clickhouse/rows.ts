import { TradeExecutedV1, TransferV1 } from '@tidemark/schema';

// 64-bit and wider integers arrive as JSON strings from a server and as numbers from chDB;
// amounts are always selected through toString() so they stay exact.
type Int = number | string;

export const tradeColumns = `chain_id, block_number, block_hash, toUnixTimestamp(timestamp) AS unix_time, tx_hash,
  log_index, protocol, pool, trader, sender, recipient, token_in, token_out,
  toString(amount_in) AS amount_in_text, toString(amount_out) AS amount_out_text,
  toString(sqrt_price_x96) AS sqrt_price_x96_text, toString(liquidity) AS liquidity_text, tick,
  toString(gas_used) AS gas_used_text, toString(effective_gas_price) AS effective_gas_price_text`;

export interface TradeResultRow {
  chain_id: Int;
  block_number: Int;
  block_hash: string;
  unix_time: Int;
  tx_hash: string;
  log_index: Int;
  protocol: string;
  pool: string;
  trader: string;
  sender: string;
  recipient: string;
  token_in: string;
  token_out: string;
  amount_in_text: string;
  amount_out_text: string;
  /** V3 pool state; NULL for V2 trades (toString keeps NULL as NULL). */
  sqrt_price_x96_text: string | null;
  liquidity_text: string | null;
  tick: number | null;
  /** The transaction's gas from its receipt; NULL for trades stored before it was recorded. */
  gas_used_text: string | null;
  effective_gas_price_text: string | null;
}

/** The V3 fields a row holds, leaving out the NULL ones so a V2 trade reads back as it was written. */
function poolStateFromRow(row: TradeResultRow): Partial<TradeExecutedV1> {
  return {
    ...(row.sqrt_price_x96_text !== null && { sqrtPriceX96: row.sqrt_price_x96_text }),
    ...(row.liquidity_text !== null && { liquidity: row.liquidity_text }),
    ...(row.tick !== null && { tick: Number(row.tick) }),
  };
}

/** The gas fields a row holds, leaving out the NULL ones (trades stored before they were kept). */
function gasFromRow(row: TradeResultRow): Partial<TradeExecutedV1> {
  return {
    ...(row.gas_used_text !== null && { gasUsed: row.gas_used_text }),
    ...(row.effective_gas_price_text !== null && {
      effectiveGasPrice: row.effective_gas_price_text,
    }),
  };
}

/** Validates on the way out too: a row that no longer fits the event contract fails loudly. */
export function tradeFromRow(row: TradeResultRow): TradeExecutedV1 {
  return TradeExecutedV1.parse({
    type: 'TradeExecutedV1',
    chainId: Number(row.chain_id),
    blockNumber: Number(row.block_number),
    blockHash: row.block_hash,
    timestamp: Number(row.unix_time),
    txHash: row.tx_hash,
    logIndex: Number(row.log_index),
    protocol: row.protocol,
    pool: row.pool,
    trader: row.trader,
    sender: row.sender,
    recipient: row.recipient,
    tokenIn: row.token_in,
    tokenOut: row.token_out,
    amountIn: row.amount_in_text,
    amountOut: row.amount_out_text,
    ...poolStateFromRow(row),
    ...gasFromRow(row),
  });
}

export const transferColumns = `chain_id, block_number, block_hash, toUnixTimestamp(timestamp) AS unix_time, tx_hash,
  log_index, token, from_address, to_address, toString(value) AS value_text`;

export interface TransferResultRow {
  chain_id: Int;
  block_number: Int;
  block_hash: string;
  unix_time: Int;
  tx_hash: string;
  log_index: Int;
  token: string;
  from_address: string;
  to_address: string;
  value_text: string;
}

export function transferFromRow(row: TransferResultRow): TransferV1 {
  return TransferV1.parse({
    type: 'TransferV1',
    chainId: Number(row.chain_id),
    blockNumber: Number(row.block_number),
    blockHash: row.block_hash,
    timestamp: Number(row.unix_time),
    txHash: row.tx_hash,
    logIndex: Number(row.log_index),
    token: row.token,
    from: row.from_address,
    to: row.to_address,
    value: row.value_text,
  });
}
