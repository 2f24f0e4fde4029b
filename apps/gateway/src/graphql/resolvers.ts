import type { GraphQLResolveInfo } from 'graphql';
import type { Logger } from 'pino';
import type { AnalyticsReader, ChainStatus, OlapStore, OltpReader } from '@tidemark/domain';
import type { BlockStatus } from '@tidemark/schema';
import type { IdentityService } from '../auth/identity-service';
import type { Viewer } from '../auth/viewer';
import type { AnalyticsFanout } from '../live/analytics-fanout';
import type { RetractionFanout, RetractionView } from '../live/retraction-fanout';
import type { TradeFanout } from '../live/trade-fanout';
import { analyticsResolvers } from './analytics-resolvers';
import { analyticsSubscriptions } from './analytics-subscriptions';
import { toLiveTradeFilter, type TradeFilterInput } from './arguments';
import { identityResolvers } from './identity-resolvers';
import { AddressScalar, BigIntScalar, DecimalScalar } from './scalars';
import { trades, type TradesArgs } from './trade-queries';
import type { TradeView } from './trade-view';

export interface ResolverDeps {
  oltp: OltpReader;
  olap: OlapStore;
  analytics: AnalyticsReader;
  /** Unix seconds: "now" of time windows (24h volume, leaderboards, default ranges). */
  now(): number;
  fanout: TradeFanout;
  retractions: RetractionFanout;
  /** Candle and wallet updates of the analytics role. */
  updates: AnalyticsFanout;
  /** Users, sessions, API keys and watchlists. */
  identity: IdentityService;
  logger: Logger;
}

/** What a graphql-ws operation knows about its connection. */
export interface LiveContext {
  /** Closes the subscriber's connection, e.g. when it cannot keep up. */
  dropConnection(reason: string): void;
  /** Who opened the connection (from its connection_init); anonymous in shared operations. */
  viewer: Viewer;
}

function toChainView(chain: ChainStatus) {
  const { headBlock, indexedBlock, finalizedBlock } = chain;
  // The head is sampled less often than the sink advances, so a brief negative gap reads as 0.
  const lag =
    headBlock !== null && indexedBlock !== null ? Math.max(0, headBlock - indexedBlock) : null;
  return {
    id: chain.chainId,
    name: chain.name,
    head: headBlock,
    indexedBlock,
    lag,
    finalizedBlock,
  };
}

function tradeExecuted(
  deps: ResolverDeps,
  args: { filter?: TradeFilterInput | null },
  context: LiveContext,
) {
  const filter = toLiveTradeFilter(args.filter);
  return deps.fanout.subscribe(filter, () => {
    deps.logger.warn(
      { event: 'live.subscriber_dropped', chainId: filter.chainId },
      'subscriber too slow, dropping',
    );
    context.dropConnection('subscriber too slow');
  });
}

function tradesRetracted(
  deps: ResolverDeps,
  args: { filter?: TradeFilterInput | null },
  context: LiveContext,
) {
  const filter = toLiveTradeFilter(args.filter);
  return deps.retractions.subscribe(filter, () => {
    deps.logger.warn(
      { event: 'live.subscriber_dropped', chainId: filter.chainId },
      'retraction subscriber too slow, dropping',
    );
    context.dropConnection('subscriber too slow');
  });
}

export function buildResolvers(deps: ResolverDeps) {
  const analytics = analyticsResolvers(deps);
  const identity = identityResolvers(deps);
  return {
    ...analytics,
    ...identity,
    Address: AddressScalar,
    BigInt: BigIntScalar,
    Decimal: DecimalScalar,
    // TradeView holds the event contract's status words; the API spells them as enum values.
    BlockStatus: { LATEST: 'latest', FINALIZED: 'finalized' } satisfies Record<string, BlockStatus>,
    Query: {
      chains: async () => (await deps.oltp.listChains()).map(toChainView),
      trades: (_parent: unknown, args: TradesArgs, _context: unknown, info: GraphQLResolveInfo) =>
        trades(deps, args, info),
      ...analytics.Query,
      ...identity.Query,
    },
    Subscription: {
      tradeExecuted: {
        subscribe: (
          _parent: unknown,
          args: { filter?: TradeFilterInput | null },
          context: LiveContext,
        ) => tradeExecuted(deps, args, context),
        resolve: (trade: TradeView) => trade,
      },
      tradesRetracted: {
        subscribe: (
          _parent: unknown,
          args: { filter?: TradeFilterInput | null },
          context: LiveContext,
        ) => tradesRetracted(deps, args, context),
        resolve: (retraction: RetractionView) => retraction,
      },
      ...analyticsSubscriptions(deps),
      ...identity.Subscription,
    },
  };
}
