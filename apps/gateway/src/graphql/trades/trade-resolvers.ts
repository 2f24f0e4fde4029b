import type { GraphQLResolveInfo } from 'graphql';
import type { TradeSide } from '@tidemark/domain';
import type { BlockStatus } from '@tidemark/schema';
import type { ResolverDeps } from '../context';
import { tradePricingResolvers } from './trade-pricing';
import { trades, type TradesArgs } from './trade-queries';
import { tradeSubscriptions } from './trade-subscriptions';

/** The trades area of the resolver map: the `trades` list, the Trade type and its live feeds. */
export function tradeResolvers(deps: ResolverDeps) {
  return {
    // TradeView holds the event contract's status words; the API spells them as enum values.
    BlockStatus: { LATEST: 'latest', FINALIZED: 'finalized' } satisfies Record<string, BlockStatus>,
    TradeSide: { BUY: 'buy', SELL: 'sell' } satisfies Record<string, TradeSide>,
    Trade: tradePricingResolvers,
    Query: {
      trades: (_parent: unknown, args: TradesArgs, _context: unknown, info: GraphQLResolveInfo) =>
        trades(deps, args, info),
    },
    Subscription: tradeSubscriptions(deps),
  };
}
