import type { ClickHouseClient } from '@clickhouse/client';
import { CANDLE_INTERVALS, type Candle, type CandleQuery } from '@tidemark/domain';
import { StoreInputError } from '../../errors';
import { intervalSeconds } from './recompute-candles';
import { pointRead, select } from './sql';
import * as v from './values';

const candleSql = `SELECT toUnixTimestamp(bucket) AS bucket_ts,
  toString(open_usd) AS open_usd, toString(high_usd) AS high_usd, toString(low_usd) AS low_usd,
  toString(close_usd) AS close_usd, toString(open_quote) AS open_quote,
  toString(high_quote) AS high_quote, toString(low_quote) AS low_quote,
  toString(close_quote) AS close_quote, toString(volume_usd) AS volume_usd,
  toString(base_volume) AS base_volume, toString(quote_volume) AS quote_volume,
  trades, buys, sells, unique_traders
FROM candles FINAL
WHERE chain_id = {chainId:UInt32} AND pool = {pool:String} AND interval_s = {interval:UInt32}
  AND bucket >= toDateTime({from:UInt32}, 'UTC') AND bucket < toDateTime({to:UInt32}, 'UTC')
  AND trades > 0
ORDER BY bucket`;

interface CandleRow {
  bucket_ts: v.Int;
  open_usd: string | null;
  high_usd: string | null;
  low_usd: string | null;
  close_usd: string | null;
  open_quote: string | null;
  high_quote: string | null;
  low_quote: string | null;
  close_quote: string | null;
  volume_usd: string;
  base_volume: string;
  quote_volume: string;
  trades: v.Int;
  buys: v.Int;
  sells: v.Int;
  unique_traders: v.Int;
}

function checkQuery(q: CandleQuery): number {
  if (!CANDLE_INTERVALS.includes(q.interval))
    throw new StoreInputError(
      `interval: expected one of ${CANDLE_INTERVALS.join(', ')}, got "${q.interval}"`,
    );
  v.chainId(q.chainId);
  v.unixTime(q.from, 'from');
  v.unixTime(q.to, 'to');
  v.integer(q.limit, 'limit', 1, 10_000);
  return intervalSeconds[q.interval];
}

/** The oldest (or with `newestFirst` the newest) `limit` non-empty buckets overlapping [from, to), oldest first. */
export async function queryCandles(client: ClickHouseClient, q: CandleQuery): Promise<Candle[]> {
  const seconds = checkQuery(q);
  const pool = v.address(q.pool, 'pool');
  const rows = await select<CandleRow>(
    client,
    // Newest first reads the end of the range (backward paging); the answer is still oldest first.
    `${candleSql} ${q.newestFirst === true ? 'DESC' : ''} LIMIT {limit:UInt32}`,
    {
      chainId: q.chainId,
      pool,
      interval: seconds,
      from: q.from - (q.from % seconds),
      to: q.to,
      limit: q.limit,
    },
    pointRead,
  );
  if (q.newestFirst === true) rows.reverse();
  return rows.map((r) => ({
    chainId: q.chainId,
    pool,
    interval: q.interval,
    bucket: Number(r.bucket_ts),
    openUsd: v.nullableDecimalOut(r.open_usd),
    highUsd: v.nullableDecimalOut(r.high_usd),
    lowUsd: v.nullableDecimalOut(r.low_usd),
    closeUsd: v.nullableDecimalOut(r.close_usd),
    open: v.nullableDecimalOut(r.open_quote),
    high: v.nullableDecimalOut(r.high_quote),
    low: v.nullableDecimalOut(r.low_quote),
    close: v.nullableDecimalOut(r.close_quote),
    volumeUsd: v.decimalOut(r.volume_usd),
    baseVolume: r.base_volume,
    quoteVolume: r.quote_volume,
    trades: Number(r.trades),
    buys: Number(r.buys),
    sells: Number(r.sells),
    uniqueTraders: Number(r.unique_traders),
  }));
}
