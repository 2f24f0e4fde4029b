import type { GraphQLResolveInfo } from 'graphql';
import type { CandleInterval } from '@tidemark/domain';
import type { ResolverDeps } from '../context';
import { chains } from './chains';
import { candles, pool, pools, type CandlesArgs, type PoolsArgs } from './market-queries';
import { candleUpdated } from './market-subscriptions';

/** The market area of the resolver map: chains, candles and pools, and live candles. */
export function marketResolvers(deps: ResolverDeps) {
  return {
    // The API spells intervals as enum values; resolvers and stores work with the domain's words.
    CandleInterval: {
      M1: '1m',
      M5: '5m',
      M15: '15m',
      H1: '1h',
      H4: '4h',
      D1: '1d',
    } satisfies Record<string, CandleInterval>,
    Query: {
      chains: () => chains(deps.oltp),
      candles: (_parent: unknown, args: CandlesArgs, _context: unknown, info: GraphQLResolveInfo) =>
        candles(deps, args, info),
      pools: (_parent: unknown, args: PoolsArgs, _context: unknown, info: GraphQLResolveInfo) =>
        pools(deps, args, info),
      pool: (_parent: unknown, args: { chainId: number; address: string }) => pool(deps, args),
    },
    Subscription: { candleUpdated: candleUpdated(deps) },
  };
}
