import DataLoader from 'dataloader';
import {
  MAX_POOL_STATS_KEYS,
  type AnalyticsReader,
  type PoolRef,
  type PoolStats,
} from '@tidemark/domain';

/**
 * Batches the reads of nested fields within one operation: every `load` made while the operation's
 * resolvers run in the same tick becomes one store query (a watchlist of 50 pools costs one stats
 * read, not 50). Loaders live as long as the operation's context, so they cache only within it.
 */
export interface RequestLoaders {
  poolStats: DataLoader<PoolRef, PoolStats | null, string>;
}

const poolKey = (ref: PoolRef) => `${ref.chainId}:${ref.pool.toLowerCase()}`;

function poolStatsLoader(analytics: AnalyticsReader, now: number) {
  return new DataLoader<PoolRef, PoolStats | null, string>(
    async (refs) => {
      const stats = await analytics.poolStatsOf(refs, now);
      const byKey = new Map(stats.map((s) => [poolKey({ chainId: s.chainId, pool: s.pool }), s]));
      return refs.map((ref) => byKey.get(poolKey(ref)) ?? null);
    },
    { cacheKeyFn: poolKey, maxBatchSize: MAX_POOL_STATS_KEYS },
  );
}

/**
 * The loaders of the operation whose context is `context` (HTTP: one per request; graphql-ws: one
 * per operation), made on first use. Keyed weakly, so they go with the context.
 */
export function requestLoaders(
  analytics: AnalyticsReader,
  now: () => number,
): (context: object) => RequestLoaders {
  const byContext = new WeakMap<object, RequestLoaders>();
  return (context) => {
    let loaders = byContext.get(context);
    if (loaders === undefined) {
      // One instant per operation, like the other time-windowed reads of an answer.
      loaders = { poolStats: poolStatsLoader(analytics, now()) };
      byContext.set(context, loaders);
    }
    return loaders;
  };
}
