import type { AnalyticsOlapStore, Candle, CandleInterval, PoolStats } from '@tidemark/domain';
import { toCandleRange, toChainId, toOptionalChainId } from './analytics-arguments';
import { toPageSize } from './arguments';
import { decodeListCursor, encodeListCursor } from './list-cursor';

/** What the market queries read: the analytics store and the gateway's clock (Unix seconds). */
export interface MarketDeps {
  analytics: AnalyticsOlapStore;
  now(): number;
}

export interface CandlesArgs {
  chainId: number;
  pool: string;
  interval: CandleInterval;
  from?: number | null;
  to?: number | null;
  first?: number | null;
}

function toCandleView(c: Candle) {
  const { chainId: _chainId, pool: _pool, interval: _interval, bucket, ...figures } = c;
  return { time: bucket, ...figures };
}

export async function candles(deps: MarketDeps, args: CandlesArgs) {
  const chainId = toChainId(args.chainId);
  const range = toCandleRange(args, deps.now());
  const rows = await deps.analytics.candles({
    chainId,
    pool: args.pool,
    interval: args.interval,
    ...range,
  });
  return rows.map(toCandleView);
}

function toPoolView(stats: PoolStats) {
  const { chainId, pool, stateBlockNumber: _block, ...figures } = stats;
  return { chainId, address: pool, stats: figures };
}

export async function pool(deps: MarketDeps, args: { chainId: number; address: string }) {
  const chainId = toChainId(args.chainId);
  const stats = await deps.analytics.poolStats(chainId, args.address, deps.now());
  return stats === null ? null : toPoolView(stats);
}

export interface PoolsArgs {
  chainId?: number | null;
  first?: number | null;
  after?: string | null;
}

export async function pools(deps: MarketDeps, args: PoolsArgs) {
  const chainId = toOptionalChainId(args.chainId);
  const first = toPageSize(args.first);
  const list = chainId === undefined ? 'pools of every chain' : `pools of chain ${chainId}`;
  const after = args.after == null ? 0 : decodeListCursor(args.after, list);
  const page = await deps.analytics.listPoolStats({ chainId, now: deps.now(), first, after });
  const edges = page.pools.map((stats, i) => ({
    cursor: encodeListCursor({ list, offset: after + i + 1 }),
    node: toPoolView(stats),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
