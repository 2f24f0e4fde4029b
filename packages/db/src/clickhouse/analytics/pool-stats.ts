import type { ClickHouseClient } from '@clickhouse/client';
import {
  MAX_POOL_STATS_KEYS,
  divFixed,
  formatFixed,
  parseFixed,
  type PoolRef,
  type PoolStats,
  type PoolStatsListQuery,
  type PoolStatsPage,
} from '@tidemark/domain';
import { pointRead, select, type Params } from './sql';
import * as v from './values';
import { DAY, HOUR, floorTo } from './windows';

/** now, 5m, 1h, 6h and 24h ago: the instants whose prices the changes compare. */
const lookbacks = [0, 300, HOUR, 6 * HOUR, DAY] as const;
const at = (name: string) => `toDateTime({${name}:UInt32}, 'UTC')`;

/**
 * Price at T: the last priced 1m close from T's day up to T's minute, else the last daily close
 * before T's day (a pool idle for days still has a reference). Both reads are small: one day of
 * minutes, and one row per day of the pool's life.
 */
const priceAt = (i: number) =>
  `toString(coalesce(
    argMaxIf(close_usd, bucket, interval_s = 60 AND bucket >= ${at(`day${i}`)} AND bucket <= ${at(`minute${i}`)}),
    argMaxIf(close_usd, bucket, interval_s = 86400 AND bucket < ${at(`day${i}`)}))) AS price${i}`;

const statsSql = `SELECT chain_id, pool,
  toString(sumIf(volume_usd, interval_s = 3600)) AS volume_text, sumIf(trades, interval_s = 3600) AS n_trades,
  sumIf(buys, interval_s = 3600) AS n_buys, sumIf(sells, interval_s = 3600) AS n_sells,
  ${lookbacks.map((_, i) => priceAt(i)).join(',\n  ')}
FROM candles FINAL
WHERE chain_id IN {chains:Array(UInt32)} AND pool IN {pools:Array(String)} AND trades > 0 AND (
  (interval_s = 3600 AND bucket >= ${at('hourFrom')} AND bucket < ${at('hourTo')})
  OR (interval_s = 60 AND bucket >= ${at(`day${lookbacks.length - 1}`)} AND bucket <= ${at('minute0')})
  OR (interval_s = 86400 AND bucket < ${at('day0')}))
GROUP BY chain_id, pool`;

/** The stats with each pool's newest state joined on, in one query (has_state: 0 when none). */
const statsWithStateSql = `SELECT stats.*, state.liquidity AS liquidity, state.block_number AS block_number,
  state.has_state AS has_state
FROM (${statsSql}) AS stats
LEFT JOIN (
  SELECT chain_id, pool, toString(liquidity_usd) AS liquidity, block_number, 1 AS has_state
  FROM pool_latest FINAL WHERE chain_id IN {chains:Array(UInt32)} AND pool IN {pools:Array(String)}
) AS state USING (chain_id, pool)`;

interface StatsRow {
  chain_id: v.Int;
  pool: string;
  volume_text: string;
  n_trades: v.Int;
  n_buys: v.Int;
  n_sells: v.Int;
  liquidity: string | null;
  block_number: v.Int;
  has_state: v.Int;
  [price: `price${number}`]: string | null;
}

function timeParams(now: number): Params {
  const params: Params = { hourTo: floorTo(now, HOUR) + HOUR };
  params.hourFrom = (params.hourTo as number) - DAY;
  lookbacks.forEach((back, i) => {
    const t = Math.max(0, now - back);
    params[`day${i}`] = floorTo(t, DAY);
    params[`minute${i}`] = floorTo(t, 60);
  });
  return params;
}

function change(now: string | null, then: string | null): string | null {
  if (now === null || then === null) return null;
  const base = parseFixed(then);
  return base === 0n ? null : formatFixed(divFixed(parseFixed(now) - base, base));
}

type Pair = readonly [number, string];
const pairKey = (chainId: v.Int, pool: string) => `${Number(chainId)}:${pool}`;

/** Stats of the given pools, in their order; a pool without any candle is left out. */
async function statsOfPools(
  client: ClickHouseClient,
  pairs: readonly Pair[],
  now: number,
): Promise<PoolStats[]> {
  if (pairs.length === 0) return [];
  const params: Params = {
    chains: [...new Set(pairs.map(([c]) => c))],
    pools: [...new Set(pairs.map(([, p]) => p))],
    ...timeParams(now),
  };
  const stats = await select<StatsRow>(client, statsWithStateSql, params, pointRead);
  const byPair = new Map(stats.map((row) => [pairKey(row.chain_id, row.pool), row]));
  return pairs.flatMap(([chainId, pool]) => {
    const row = byPair.get(pairKey(chainId, pool));
    if (!row) return [];
    const state = Number(row.has_state) === 1;
    const price = (i: number) => v.nullableDecimalOut(row[`price${i}`] ?? null);
    return [
      {
        chainId,
        pool,
        volume24hUsd: v.decimalOut(row.volume_text),
        trades24h: Number(row.n_trades),
        buys24h: Number(row.n_buys),
        sells24h: Number(row.n_sells),
        priceUsd: price(0),
        priceChange: {
          m5: change(price(0), price(1)),
          h1: change(price(0), price(2)),
          h6: change(price(0), price(3)),
          h24: change(price(0), price(4)),
        },
        liquidityUsd: state ? v.nullableDecimalOut(row.liquidity) : null,
        stateBlockNumber: state ? Number(row.block_number) : null,
      },
    ];
  });
}

export async function poolStatsOf(
  client: ClickHouseClient,
  pools: readonly PoolRef[],
  now: number,
): Promise<PoolStats[]> {
  v.integer(pools.length, 'number of pools', 0, MAX_POOL_STATS_KEYS);
  const pairs = pools.map((p): Pair => [v.chainId(p.chainId), v.address(p.pool, 'pool')]);
  return statsOfPools(client, pairs, v.unixTime(now, 'now'));
}

export async function poolStats(
  client: ClickHouseClient,
  chainId: number,
  pool: string,
  now: number,
): Promise<PoolStats | null> {
  const [stats] = await poolStatsOf(client, [{ chainId, pool }], now);
  return stats ?? null;
}

/** Pools traded in the 24 hourly buckets ending with now's, by their USD volume there. */
export async function listPoolStats(
  client: ClickHouseClient,
  q: PoolStatsListQuery,
): Promise<PoolStatsPage> {
  if (q.chainId !== undefined) v.chainId(q.chainId);
  v.unixTime(q.now, 'now');
  v.integer(q.first, 'first', 1, 100);
  const offset = v.integer(q.after ?? 0, 'after', 0, 1_000_000);
  const hourTo = floorTo(q.now, HOUR) + HOUR;
  const ranked = await select<{ chain_id: v.Int; pool: string }>(
    client,
    `SELECT chain_id, pool FROM pool_activity FINAL
     WHERE ${q.chainId === undefined ? '1' : 'chain_id = {chainId:UInt32}'}
       AND hour >= ${at('hourFrom')} AND hour < ${at('hourTo')}
     GROUP BY chain_id, pool HAVING sum(trades) > 0
     ORDER BY sum(volume_usd) DESC, chain_id, pool
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    { chainId: q.chainId ?? 0, hourFrom: hourTo - DAY, hourTo, limit: q.first + 1, offset },
  );
  const page = ranked.slice(0, q.first).map((r): Pair => [Number(r.chain_id), r.pool]);
  return { pools: await statsOfPools(client, page, q.now), hasNextPage: ranked.length > q.first };
}
