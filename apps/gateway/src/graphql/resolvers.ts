import type { Logger } from 'pino';
import type { ChainStatus, OlapStore, OltpStore } from '@tidemark/domain';
import type { TradeFanout } from '../live/trade-fanout';
import { toPageSize, toTradeFilter, type TradeFilterInput } from './arguments';
import { decodeTradeCursor, encodeTradeCursor } from './cursor';
import { AddressScalar, BigIntScalar } from './scalars';
import { toTradeView, type TradeView } from './trade-view';

export interface ResolverDeps {
  oltp: OltpStore;
  olap: OlapStore;
  fanout: TradeFanout;
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
}

function toChainView(chain: ChainStatus) {
  const { headBlock, indexedBlock } = chain;
  // The head is sampled less often than the sink advances, so a brief negative gap reads as 0.
  const lag =
    headBlock !== null && indexedBlock !== null ? Math.max(0, headBlock - indexedBlock) : null;
  return { id: chain.chainId, name: chain.name, head: headBlock, indexedBlock, lag };
}

async function trades(deps: ResolverDeps, args: TradesArgs) {
  const filter = toTradeFilter(args.filter);
  const first = toPageSize(args.first);
  const after = args.after == null ? undefined : decodeTradeCursor(args.after);
  const page = await deps.olap.queryTrades(filter, first, after);
  const edges = page.trades.map((trade) => ({
    cursor: encodeTradeCursor(trade),
    node: toTradeView(trade),
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

export function buildResolvers(deps: ResolverDeps) {
  return {
    Address: AddressScalar,
    BigInt: BigIntScalar,
    Query: {
      chains: async () => (await deps.oltp.listChains()).map(toChainView),
      trades: (_parent: unknown, args: TradesArgs) => trades(deps, args),
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
    },
  };
}
