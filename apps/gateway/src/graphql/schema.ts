import type { GraphQLSchema } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { typeDefs } from '@tidemark/schema';
import type { LiveContext, ResolverDeps } from './context';
import type {
  MutationResolvers,
  QueryResolvers,
  Resolvers,
  ResolversParentTypes,
  SubscriptionResolvers,
} from './generated/resolvers';
import { buildResolvers } from './resolvers';

/** Object types whose resolvers receive a view of their own (a codegen mapper), not the SDL type. */
type MappedObject =
  | 'Trade'
  | 'TradeRetraction'
  | 'Wallet'
  | 'CandleUpdate'
  | 'WalletUpdate'
  | 'User'
  | 'WatchlistEntry'
  | 'PageInfo';

type FieldResolvers<T extends MappedObject> = NonNullable<Resolvers[T]>;

/** The fields of `T` its parent value does not carry: only a resolver can answer them. */
type Uncarried<T extends MappedObject> = Exclude<
  keyof FieldResolvers<T>,
  keyof ResolversParentTypes[T]
>;

type ObjectResolvers<T extends MappedObject> = FieldResolvers<T> &
  Required<Pick<FieldResolvers<T>, Uncarried<T>>>;

/**
 * Every mapped object type: its entry is required, with a resolver for each uncarried field,
 * once its view lacks a field of the SDL; until then the entry may be left out.
 */
type CheckedObjects = {
  [T in MappedObject as [Uncarried<T>] extends [never] ? never : T]: ObjectResolvers<T>;
} & {
  [T in MappedObject as [Uncarried<T>] extends [never] ? T : never]?: ObjectResolvers<T>;
};

/**
 * The resolver map checked against the types graphql-codegen generates from the SDL
 * (npm run codegen -w @tidemark/schema). A resolver that disagrees with the SDL (arguments,
 * result shape, enum values) fails tsc, and so does a root field (or a field of a mapped object
 * type its view does not carry) that has no resolver yet.
 */
type CheckedResolvers = Pick<
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
  | 'ApiKeyScope'
  | 'WatchlistEntryKind'
  | 'AuthenticationMethod'
> &
  CheckedObjects & {
    Query: Required<QueryResolvers>;
    Mutation: Required<MutationResolvers>;
    // Live operations run with their connection's context.
    Subscription: Required<SubscriptionResolvers<LiveContext>>;
  };

/** The public schema (SDL from @tidemark/schema) bound to this process's stores and live feed. */
export function buildSchema(deps: ResolverDeps): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs,
    resolvers: buildResolvers(deps) satisfies CheckedResolvers,
  });
}
