import type { ActivityWindow, LeaderboardMetric, OltpStore, PnlBucket } from '@tidemark/domain';
import { toOptionalChainId } from './analytics-arguments';
import { toPageSize } from './arguments';
import { decodeListCursor, encodeListCursor } from './list-cursor';
import type { MarketDeps } from './market-queries';
import { WalletView, toTotalsView } from './wallet-view';

export interface WalletQueryDeps extends MarketDeps {
  oltp: OltpStore;
}

export function wallet(
  deps: WalletQueryDeps,
  args: { address: string; chainId?: number | null },
): WalletView {
  const chainId = toOptionalChainId(args.chainId) ?? null;
  // One instant for every field of the answer, so windows and prices agree with each other.
  return new WalletView(args.address, chainId, deps, deps.now());
}

export interface LeaderboardArgs {
  metric: LeaderboardMetric;
  window: ActivityWindow;
  chainId?: number | null;
  first?: number | null;
  after?: string | null;
}

/** Names a leaderboard the way the API spells it, for cursors and their error messages. */
const metricNames: Record<LeaderboardMetric, string> = {
  volume: 'VOLUME',
  realizedPnl: 'REALIZED_PNL',
  winRate: 'WIN_RATE',
};
const windowNames: Record<ActivityWindow, string> = {
  '24h': 'H24',
  '7d': 'D7',
  '30d': 'D30',
  all: 'ALL',
};

export async function leaderboard(deps: MarketDeps, args: LeaderboardArgs) {
  const chainId = toOptionalChainId(args.chainId);
  const first = toPageSize(args.first);
  const list =
    `the ${metricNames[args.metric]} ${windowNames[args.window]} leaderboard of ` +
    (chainId === undefined ? 'every chain' : `chain ${chainId}`);
  const after = args.after == null ? 0 : decodeListCursor(args.after, list);
  const page = await deps.analytics.leaderboard({
    metric: args.metric,
    window: args.window,
    chainId,
    now: deps.now(),
    first,
    after,
  });
  const edges = page.entries.map((entry) => ({
    cursor: encodeListCursor({ list, offset: entry.rank }),
    node: { rank: entry.rank, address: entry.wallet, totals: toTotalsView(args.window, entry) },
  }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

export interface PnlHistoryArgs {
  from?: number | null;
  to?: number | null;
  bucket: PnlBucket;
}
