import { TradeExecutedV1, TransferV1 } from '@tidemark/schema';

// 64-bit and wider integers arrive as JSON strings from a server and as numbers from chDB;
// amounts are always selected through toString() so they stay exact.
type Int = number | string;

export function tradeRow(trade: TradeExecutedV1) {
  return {
    chain_id: trade.chainId,
    block_number: trade.blockNumber,
    block_hash: trade.blockHash,
    timestamp: trade.timestamp,
    tx_hash: trade.txHash,
    log_index: trade.logIndex,
    protocol: trade.protocol,
    pool: trade.pool,
    trader: trade.trader,
    sender: trade.sender,
    recipient: trade.recipient,
    token_in: trade.tokenIn,
    token_out: trade.tokenOut,
    amount_in: trade.amountIn,
    amount_out: trade.amountOut,
  };
}

export const tradeColumns = `chain_id, block_number, block_hash, toUnixTimestamp(timestamp) AS unix_time, tx_hash,
  log_index, protocol, pool, trader, sender, recipient, token_in, token_out,
  toString(amount_in) AS amount_in_text, toString(amount_out) AS amount_out_text`;

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
  });
}

export function transferRow(transfer: TransferV1) {
  return {
    chain_id: transfer.chainId,
    block_number: transfer.blockNumber,
    block_hash: transfer.blockHash,
    timestamp: transfer.timestamp,
    tx_hash: transfer.txHash,
    log_index: transfer.logIndex,
    token: transfer.token,
    from_address: transfer.from,
    to_address: transfer.to,
    value: transfer.value,
  };
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
