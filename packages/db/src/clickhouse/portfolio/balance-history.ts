import type { ClickHouseClient } from '@clickhouse/client';
import {
  balancesAtBucketEnds,
  type BalanceHistoryQuery,
  type BalancePoint,
} from '@tidemark/domain';
import { StoreInputError } from '../../errors';
import { select } from '../analytics/sql';
import * as v from '../analytics/values';

const BUCKETS = {
  '1h': { start: 'toStartOfHour(timestamp)', span: 3_600 },
  '1d': { start: 'toStartOfDay(timestamp)', span: 86_400 },
} as const;

/**
 * One query. `points` sums the wallet's deltas per bucket (FINAL folds a redelivered delta);
 * `opening` = 1 sums every delta before `from`: the balance the first bucket starts from.
 * `prices` is the token's price rows (FINAL folds redelivered rows, retracted ones are deleted),
 * one per block: the lowest hash, as tokenPrice picks while a reorg is not yet retracted. Its key
 * orders rows by (timestamp, block), so the ASOF join takes the newest row timestamped before the
 * bucket's end (a chain's timestamps never decrease with its blocks). No match leaves price NULL.
 * Prices become text only after the join: converting every price row costs more than the join.
 */
const historySql = (bucketStart: string) => `WITH points AS (
  SELECT chain_id, timestamp < toDateTime({from:UInt32}, 'UTC') AS opening,
    if(opening, 0, toUnixTimestamp(${bucketStart})) AS bucket, sum(delta) AS delta
  FROM balance_deltas FINAL
  WHERE wallet = {wallet:String} AND chain_id = {chainId:UInt32} AND token = {token:String}
    AND timestamp < toDateTime({to:UInt32}, 'UTC')
  GROUP BY chain_id, opening, bucket),
prices AS (
  SELECT chain_id, bitShiftLeft(toUInt128(toUnixTimestamp(timestamp)), 64) + block_number AS at,
    toNullable(price_usd) AS price
  FROM token_prices FINAL
  WHERE chain_id = {chainId:UInt32} AND token = {token:String}
    AND toUnixTimestamp(timestamp) < {to:UInt32} + {span:UInt32}
  ORDER BY block_number, block_hash
  LIMIT 1 BY block_number)
SELECT p.opening AS opening, p.bucket AS bucket, toString(p.delta) AS delta,
  toString(q.price) AS price
FROM points AS p
ASOF LEFT JOIN prices AS q
  ON q.chain_id = p.chain_id AND q.at < bitShiftLeft(toUInt128(p.bucket + {span:UInt32}), 64)
ORDER BY opening DESC, bucket`;

interface HistoryRow {
  opening: v.Int;
  bucket: v.Int;
  delta: string;
  price: string | null;
}

/** Oldest first, one point per bucket with a delta, each with the token's price at its end. */
export async function balanceHistory(
  client: ClickHouseClient,
  query: BalanceHistoryQuery,
): Promise<BalancePoint[]> {
  const interval = BUCKETS[query.interval];
  if (!interval) throw new StoreInputError(`interval: expected 1h or 1d, got "${query.interval}"`);
  const from = v.unixTime(query.from, 'from');
  const to = v.unixTime(query.to, 'to');
  if (from > to) throw new StoreInputError(`from (${from}) is after to (${to})`);
  const rows = await select<HistoryRow>(client, historySql(interval.start), {
    wallet: v.address(query.wallet, 'wallet'),
    chainId: v.chainId(query.chainId),
    token: v.address(query.token, 'token'),
    from,
    to,
    span: interval.span,
  });
  const openingRow = rows.find((r) => Number(r.opening) === 1);
  const buckets = rows.filter((r) => Number(r.opening) !== 1);
  const prices = new Map(buckets.map((r) => [Number(r.bucket), v.nullableDecimalOut(r.price)]));
  const opening = openingRow ? BigInt(openingRow.delta) : 0n;
  const deltas = buckets.map((r) => ({ bucket: Number(r.bucket), delta: BigInt(r.delta) }));
  return balancesAtBucketEnds(opening, deltas).map((p) => ({
    bucket: p.bucket,
    balance: p.balance.toString(),
    priceUsd: prices.get(p.bucket) ?? null,
  }));
}
