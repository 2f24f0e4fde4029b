import type { GraphQLResolveInfo } from 'graphql';
import type { ActivityWindow, LeaderboardMetric, OltpReader } from '@tidemark/domain';
import { toChainId, toOptionalChainId } from '../market/market-arguments';
import { pageByOffset } from '../paging/list-paging';
import { descendingOnly, type MarketDeps, type OrderInput } from '../market/market-queries';
import { listLimits, toPageRequest, type PageArgs } from '../paging/paging';
import { WalletView, toTotalsView } from './wallet-view';

export interface WalletQueryDeps extends MarketDeps {
  oltp: OltpReader;
}

export function wallet(
  deps: WalletQueryDeps,
  args: { address: string; chainId?: number | null },
): WalletView {
  const chainId = toOptionalChainId(args.chainId) ?? null;
  // One instant for every field of the answer, so windows and prices agree with each other.
  return new WalletView(args.address, chainId, deps, deps.now());
}

type LeaderboardOrderField = 'VOLUME' | 'REALIZED_PNL' | 'WIN_RATE';

export interface LeaderboardArgs extends PageArgs {
  window: ActivityWindow;
  orderBy: OrderInput<LeaderboardOrderField>;
  filter?: { chainId?: number | null } | null;
}

/** The store's metric of each order field. */
const metrics: Record<LeaderboardOrderField, LeaderboardMetric> = {
  VOLUME: 'volume',
  REALIZED_PNL: 'realizedPnl',
  WIN_RATE: 'winRate',
};
/** Names a window the way the API spells it, for cursors and their error messages. */
const windowNames: Record<ActivityWindow, string> = {
  '24h': 'H24',
  '7d': 'D7',
  '30d': 'D30',
  all: 'ALL',
};

export async function leaderboard(
  deps: MarketDeps,
  args: LeaderboardArgs,
  info?: GraphQLResolveInfo,
) {
  descendingOnly(args.orderBy, 'leaderboards');
  const filterChain = args.filter?.chainId;
  const chainId = filterChain == null ? undefined : toChainId(filterChain, 'filter.chainId');
  const request = toPageRequest(args, listLimits, info);
  const list =
    `the ${args.orderBy.field} ${windowNames[args.window]} leaderboard of ` +
    (chainId === undefined ? 'every chain' : `chain ${chainId}`);
  const now = deps.now();
  return pageByOffset(list, request, async (after, first) => {
    const page = await deps.analytics.leaderboard({
      metric: metrics[args.orderBy.field],
      window: args.window,
      chainId,
      now,
      first,
      after,
    });
    const items = page.entries.map((entry) => ({
      rank: entry.rank,
      address: entry.wallet,
      totals: toTotalsView(args.window, entry),
    }));
    return { items, hasNextPage: page.hasNextPage };
  });
}
