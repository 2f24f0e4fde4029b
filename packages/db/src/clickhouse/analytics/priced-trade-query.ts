import type { ClickHouseClient } from '@clickhouse/client';
import {
  MAX_PRICED_TRADE_KEYS,
  type PricedTrade,
  type PricedTradeKey,
  type TradeSide,
} from '@tidemark/domain';
import type { Protocol } from '@tidemark/schema';
import { StoreInputError } from '../../errors';
import { select } from './sql';
import * as v from './values';

/**
 * The time bounds and chains prune partitions and the (chain, hour) prefix of the sort key, the
 * hashes use the block-hash bloom filter, and `has` keeps exactly the keys asked for.
 */
const pricedTradesSql = `SELECT chain_id, block_number, block_hash, log_index,
  toUnixTimestamp(timestamp) AS unix_time, tx_hash, protocol, pool, trader, base_token, quote_token,
  toString(side) AS side_text, toString(base_amount) AS base_amount,
  toString(quote_amount) AS quote_amount, toString(price_quote) AS price_quote,
  toString(price_usd) AS price_usd, toString(volume_usd) AS volume_usd, toString(fee_usd) AS fee_usd,
  toString(gas_fee_usd) AS gas_fee_usd, price_source, toString(realized_pnl_usd) AS realized_pnl_usd,
  closes_position, is_win
FROM priced_trades FINAL
WHERE chain_id IN {chains:Array(UInt32)} AND block_hash IN {hashes:Array(String)}
  AND timestamp >= toDateTime({lo:UInt32}, 'UTC') AND timestamp <= toDateTime({hi:UInt32}, 'UTC')
  AND has(arrayZip({keyChains:Array(UInt32)}, {keyHashes:Array(String)}, {keyLogs:Array(UInt32)}),
    (chain_id, block_hash, log_index))`;

interface PricedTradeRow {
  chain_id: v.Int;
  block_number: v.Int;
  block_hash: string;
  log_index: v.Int;
  unix_time: v.Int;
  tx_hash: string;
  protocol: string;
  pool: string;
  trader: string;
  base_token: string;
  quote_token: string;
  side_text: string;
  base_amount: string;
  quote_amount: string;
  price_quote: string | null;
  price_usd: string | null;
  volume_usd: string | null;
  fee_usd: string | null;
  gas_fee_usd: string | null;
  price_source: string;
  realized_pnl_usd: string | null;
  closes_position: v.Int;
  is_win: v.Int;
}

function checkKeys(keys: readonly PricedTradeKey[]): PricedTradeKey[] {
  if (keys.length > MAX_PRICED_TRADE_KEYS)
    throw new StoreInputError(
      `pricedTrades: at most ${MAX_PRICED_TRADE_KEYS} keys per call, got ${keys.length}`,
    );
  return keys.map((k, i) => ({
    chainId: v.chainId(k.chainId, `keys[${i}].chainId`),
    blockHash: v.hash(k.blockHash, `keys[${i}].blockHash`),
    logIndex: v.integer(k.logIndex, `keys[${i}].logIndex`, 0, 2 ** 32 - 1),
    timestamp: v.unixTime(k.timestamp, `keys[${i}].timestamp`),
  }));
}

function fromRow(r: PricedTradeRow): PricedTrade {
  return {
    chainId: Number(r.chain_id),
    blockNumber: Number(r.block_number),
    blockHash: r.block_hash,
    logIndex: Number(r.log_index),
    timestamp: Number(r.unix_time),
    txHash: r.tx_hash,
    protocol: r.protocol as Protocol,
    pool: r.pool,
    trader: r.trader,
    baseToken: r.base_token,
    quoteToken: r.quote_token,
    side: r.side_text as TradeSide,
    baseAmount: r.base_amount,
    quoteAmount: r.quote_amount,
    priceQuote: v.nullableDecimalOut(r.price_quote),
    priceUsd: v.nullableDecimalOut(r.price_usd),
    volumeUsd: v.nullableDecimalOut(r.volume_usd),
    feeUsd: v.nullableDecimalOut(r.fee_usd),
    gasFeeUsd: v.nullableDecimalOut(r.gas_fee_usd),
    priceSource: r.price_source,
    realizedPnlUsd: v.nullableDecimalOut(r.realized_pnl_usd),
    closesPosition: Number(r.closes_position) === 1,
    isWin: Number(r.is_win) === 1,
  };
}

/** The stored priced trades of `keys`, in one read; keys without a row are left out. */
export async function pricedTrades(
  client: ClickHouseClient,
  keys: readonly PricedTradeKey[],
): Promise<PricedTrade[]> {
  const checked = checkKeys(keys);
  if (checked.length === 0) return [];
  const times = checked.map((k) => k.timestamp);
  const rows = await select<PricedTradeRow>(client, pricedTradesSql, {
    chains: [...new Set(checked.map((k) => k.chainId))],
    hashes: [...new Set(checked.map((k) => k.blockHash))],
    lo: Math.min(...times),
    hi: Math.max(...times),
    keyChains: checked.map((k) => k.chainId),
    keyHashes: checked.map((k) => k.blockHash),
    keyLogs: checked.map((k) => k.logIndex),
  });
  return rows.map(fromRow);
}
