import type { GraphQLSchema } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { typeDefs } from '@tidemark/schema';
import type {
  MutationResolvers,
  QueryResolvers,
  Resolvers,
  SubscriptionResolvers,
} from './generated/resolvers';
import { buildResolvers, type LiveContext, type ResolverDeps } from './resolvers';

/**
 * The part of the resolver map checked against the types graphql-codegen generates from the SDL
 * (npm run codegen -w @tidemark/schema): the whole API. A resolver that disagrees with the SDL
 * (arguments, result shape, enum values) fails tsc.
 */
export type CheckedResolvers = Pick<
  Resolvers,
  | 'Address'
  | 'BigInt'
  | 'Decimal'
  | 'ActivityWindow'
  | 'BalanceInterval'
  | 'BlockStatus'
  | 'CandleInterval'
  | 'PnlBucket'
  | 'TradeSide'
  | 'PageInfo'
  | 'Trade'
  | 'Wallet'
  | 'ApiKeyScope'
  | 'WatchlistEntryKind'
  | 'AuthenticationMethod'
  | 'User'
  | 'WatchlistEntry'
> & {
  Query: Required<
    Pick<
      QueryResolvers,
      | 'chains'
      | 'trades'
      | 'candles'
      | 'wallet'
      | 'leaderboard'
      | 'pools'
      | 'pool'
      | 'viewer'
      | 'apiKey'
      | 'watchlistEntry'
    >
  >;
  Mutation: Required<MutationResolvers>;
  // Live operations run with their connection's context.
  Subscription: Required<
    Pick<
      SubscriptionResolvers<LiveContext>,
      'tradeExecuted' | 'tradesRetracted' | 'candleUpdated' | 'walletUpdated' | 'watchlistTrades'
    >
  >;
};

/** The public schema (SDL from @tidemark/schema) bound to this process's stores and live feed. */
export function buildSchema(deps: ResolverDeps): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs,
    resolvers: buildResolvers(deps) satisfies CheckedResolvers,
  });
}
