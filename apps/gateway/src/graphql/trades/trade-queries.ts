import type { GraphQLResolveInfo } from 'graphql';
import type { AnalyticsReader, OlapReader, OltpReader } from '@tidemark/domain';
import { toTradeFilter, type TradeFilterInput } from './trade-filter';
import { decodeTradeCursor, encodeTradeCursor } from '../paging/cursor';
import type { OrderInput } from '../market/market-queries';
import {
  cursorArgument,
  listLimits,
  toConnection,
  toPageRequest,
  type PageArgs,
} from '../paging/paging';
import { withPricing } from './trade-pricing';
import { statusAt, toTradeView } from './trade-view';

export interface TradeQueryDeps {
  oltp: OltpReader;
  olap: OlapReader;
  analytics: AnalyticsReader;
}

export interface TradesArgs extends PageArgs {
  filter?: TradeFilterInput | null;
  orderBy: OrderInput<'TIMESTAMP'>;
}

/** Each chain's finalized block; chains with none yet are left out (they have no final trade). */
async function finalizedBlocks(oltp: OltpReader): Promise<Map<number, number>> {
  const bounds = new Map<number, number>();
  for (const c of await oltp.listChains())
    if (c.finalizedBlock !== null) bounds.set(c.chainId, c.finalizedBlock);
  return bounds;
}

/**
 * `trades`: keyset pages in either order. Paging backward reads the list's order reversed, from
 * the cursor, and turns the page around.
 */
export async function trades(deps: TradeQueryDeps, args: TradesArgs, info?: GraphQLResolveInfo) {
  const filter = toTradeFilter(args.filter);
  const request = toPageRequest(args, listLimits, info);
  const cursor =
    request.cursor === undefined
      ? undefined
      : decodeTradeCursor(request.cursor, cursorArgument(request));
  // One reading serves both finalizedOnly and each trade's status, so the two always agree.
  const finalized = await finalizedBlocks(deps.oltp);
  if (args.filter?.finalizedOnly === true) filter.atOrBelow = finalized;
  const forward = request.direction === 'forward';
  const newestFirst = (args.orderBy.direction === 'DESC') === forward;
  const order = newestFirst ? 'newestFirst' : 'oldestFirst';
  const page = await deps.olap.queryTrades(filter, request.size, cursor, order);
  const rows = forward ? page.trades : [...page.trades].reverse();
  const views = rows.map((trade) => toTradeView(trade, statusAt(trade, finalized)));
  const fromCursor = cursor !== undefined;
  return toConnection(withPricing(views, deps.analytics), encodeTradeCursor, {
    hasNextPage: forward ? page.hasNextPage : fromCursor,
    hasPreviousPage: forward ? fromCursor : page.hasNextPage,
  });
}
