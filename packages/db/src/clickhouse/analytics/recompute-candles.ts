import type { ClickHouseClient } from '@clickhouse/client';
import type { CandleKey } from '@tidemark/domain';
import { chunks, mergeCandleKeys } from './keys';
import { command } from './sql';

const DAY = 86_400;

/** Bucket widths in seconds, as stored in candles.interval_s. */
export const intervalSeconds = {
  '1m': 60,
  '5m': 300,
  '15m': 900,
  '1h': 3_600,
  '4h': 14_400,
  '1d': DAY,
} as const;

const allIntervals = `[${Object.values(intervalSeconds).join(', ')}]`;

const candleColumns = `chain_id, pool, interval_s, bucket, open_usd, high_usd, low_usd, close_usd,
  open_quote, high_quote, low_quote, close_quote, volume_usd, base_volume, quote_volume,
  trades, buys, sells, unique_traders, version`;

/** One candle per group of `candleRows`. */
const candleAggregates = `chain_id, pool, interval_s, toDateTime(bucket_ts, 'UTC'),
  argMinIf(price_usd, seq, real = 1), maxIf(price_usd, real = 1), minIf(price_usd, real = 1),
  argMaxIf(price_usd, seq, real = 1),
  argMinIf(price_quote, seq, real = 1), maxIf(price_quote, real = 1), minIf(price_quote, real = 1),
  argMaxIf(price_quote, seq, real = 1),
  sum(volume_usd), sum(base_amount), sum(quote_amount),
  countIf(real = 1), countIf(real = 1 AND is_buy = 1), countIf(real = 1 AND is_buy = 0),
  uniqExactIf(trader, real = 1),
  toUnixTimestamp64Nano(now64(9))`;

/**
 * Every interval's rows of the trades in priced_trades (FINAL) matching `tradeWhere`, plus one
 * empty marker per non-empty stored candle matching `candleWhere`: a bucket whose trades are gone
 * then aggregates to trades = 0, which replaces it.
 */
const candleRows = (tradeWhere: string, candleWhere: string) => `(
  SELECT chain_id, pool, interval_s, intDiv(ts, interval_s) * interval_s AS bucket_ts, seq, trader,
    is_buy, price_usd, price_quote, volume_usd, base_amount, quote_amount, 1 AS real
  FROM (
    SELECT chain_id, pool, toUnixTimestamp(timestamp) AS ts, (block_number, log_index) AS seq,
      trader, side = 'buy' AS is_buy, price_usd, price_quote,
      ifNull(volume_usd, toDecimal256(0, 18)) AS volume_usd, base_amount, quote_amount
    FROM priced_trades FINAL
    WHERE ${tradeWhere}
  )
  ARRAY JOIN ${allIntervals} AS interval_s
  UNION ALL
  SELECT chain_id, pool, interval_s, toUnixTimestamp(bucket), (toUInt64(0), toUInt32(0)), '', 0,
    CAST(NULL AS Nullable(Decimal(76, 18))), CAST(NULL AS Nullable(Decimal(76, 18))),
    toDecimal256(0, 18),
    toUInt256(0), toUInt256(0), 0
  FROM candles FINAL
  WHERE ${candleWhere} AND trades > 0
) AS rows`;

const inRange = (column: string) =>
  `${column} >= toDateTime({lo:UInt32}, 'UTC') AND ${column} < toDateTime({hi:UInt32}, 'UTC')`;

/**
 * Rebuilds every bucket the keys touch, of every interval, from priced_trades (FINAL, less the
 * `excluded` blocks) in one statement. The version is the statement's start: a later rebuild reads
 * a later snapshot, so the newest version is also the freshest.
 */
const rebuildCandles = `
INSERT INTO candles (${candleColumns})
WITH touched AS (
  SELECT k.1 AS chain_id, k.2 AS pool, k.3 AS key_from, k.4 AS key_to
  FROM (SELECT arrayJoin(arrayZip({chains:Array(UInt32)}, {pools:Array(String)},
    {froms:Array(UInt32)}, {tos:Array(UInt32)})) AS k)
)
SELECT ${candleAggregates}
FROM ${candleRows(
  `chain_id IN {chainSet:Array(UInt32)} AND pool IN {pools:Array(String)} AND ${inRange('timestamp')}
      AND block_hash NOT IN {excluded:Array(String)}`,
  `chain_id IN {chainSet:Array(UInt32)} AND pool IN {pools:Array(String)} AND ${inRange('bucket')}`,
)}
INNER JOIN touched USING (chain_id, pool)
WHERE bucket_ts >= intDiv(key_from, interval_s) * interval_s
  AND bucket_ts <= intDiv(key_to, interval_s) * interval_s
GROUP BY chain_id, pool, interval_s, bucket_ts`;

/**
 * Every pool's buckets in [lo, hi), whole UTC days, so every bucket of every interval in it is
 * whole: the same rows rebuildCandles writes for keys covering every pool over those days.
 */
export const rebuildCandleRange = `
INSERT INTO candles (${candleColumns})
SELECT ${candleAggregates}
FROM ${candleRows(inRange('timestamp'), inRange('bucket'))}
GROUP BY chain_id, pool, interval_s, bucket_ts`;

/** Rebuilds the candles of the keys, leaving out trades of `excluded` blocks (being retracted). */
export async function recomputeCandles(
  client: ClickHouseClient,
  keys: readonly CandleKey[],
  excluded: readonly string[] = [],
): Promise<void> {
  for (const slice of chunks(mergeCandleKeys(keys))) {
    // Every 1d bucket a key touches is read whole; the narrower intervals' buckets lie inside.
    const lo = Math.min(...slice.map((k) => k.from - (k.from % DAY)));
    const hi = Math.max(...slice.map((k) => k.to - (k.to % DAY) + DAY));
    await command(client, rebuildCandles, {
      chains: slice.map((k) => k.chainId),
      pools: slice.map((k) => k.pool),
      froms: slice.map((k) => k.from),
      tos: slice.map((k) => k.to),
      chainSet: [...new Set(slice.map((k) => k.chainId))],
      lo,
      hi,
      excluded: excluded.map((h) => h.toLowerCase()),
    });
  }
}
