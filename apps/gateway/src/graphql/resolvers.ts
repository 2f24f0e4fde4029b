import type { Logger } from 'pino';
import type { AnalyticsOlapStore, ChainStatus, OlapStore, OltpStore } from '@tidemark/domain';
import type { BlockStatus } from '@tidemark/schema';
import type { AnalyticsFanout } from '../live/analytics-fanout';
import type { RetractionFanout, RetractionView } from '../live/retraction-fanout';
import type { TradeFanout } from '../live/trade-fanout';
import { analyticsResolvers } from './analytics-resolvers';
import { analyticsSubscriptions } from './analytics-subscriptions';
import { toPageSize, toTradeFilter, type TradeFilterInput } from './arguments';
import { decodeTradeCursor, encodeTradeCursor } from './cursor';
import { AddressScalar, BigIntScalar, DecimalScalar } from './scalars';
import { withPricing } from './trade-pricing';
import { statusAt, toTradeView, type TradeView } from './trade-view';

export interface ResolverDeps {
  oltp: OltpStore;
  olap: OlapStore;
  analytics: AnalyticsOlapStore;
  /** Unix seconds: "now" of time windows (24h volume, leaderboards, default ranges). */
  now(): number;
  fanout: TradeFanout;
  retractions: RetractionFanout;
  /** Candle and wallet updates of the analytics role. */
  updates: AnalyticsFanout;
  logger: Logger;
}

/** What a graphql-ws operation knows about its connection. */
export interface LiveContext {
  /** Closes the subscriber's connection, e.g. when it cannot keep up. */
  dropConnection(reason: string): void;
}

interface TradesArgs {
  filter?: TradeFilterInput | null;
  first?: number | null;
  after?: string | null;
  finalizedOnly?: boolean | null;
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

/** Each chain's finalized block; chains with none yet are left out (they have no final trade). */
async function finalizedBlocks(oltp: OltpStore): Promise<Map<number, number>> {
  const bounds = new Map<number, number>();
  for (const c of await oltp.listChains())
    if (c.finalizedBlock !== null) bounds.set(c.chainId, c.finalizedBlock);
  return bounds;
}

async function trades(deps: ResolverDeps, args: TradesArgs) {
  const filter = toTradeFilter(args.filter);
  const first = toPageSize(args.first);
  const after = args.after == null ? undefined : decodeTradeCursor(args.after);
  // One reading serves both finalizedOnly and each trade's status, so the two always agree.
  const finalized = await finalizedBlocks(deps.oltp);
  if (args.finalizedOnly === true) filter.atOrBelow = finalized;
  const page = await deps.olap.queryTrades(filter, first, after);
  const views = page.trades.map((trade) => toTradeView(trade, statusAt(trade, finalized)));
  const edges = withPricing(views, deps.analytics).map((node) => ({
    cursor: encodeTradeCursor(node),
    node,
  }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

function tradeExecuted(
  deps: ResolverDeps,
  args: { filter?: TradeFilterInput | null },
  context: LiveContext,
) {
  const filter = toTradeFilter(args.filter);
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
  const filter = toTradeFilter(args.filter);
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
  return {
    ...analytics,
    Address: AddressScalar,
    BigInt: BigIntScalar,
    Decimal: DecimalScalar,
    // TradeView holds the event contract's status words; the API spells them as enum values.
    BlockStatus: { LATEST: 'latest', FINALIZED: 'finalized' } satisfies Record<string, BlockStatus>,
    Query: {
      chains: async () => (await deps.oltp.listChains()).map(toChainView),
      trades: (_parent: unknown, args: TradesArgs) => trades(deps, args),
      ...analytics.Query,
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
    },
  };
}
