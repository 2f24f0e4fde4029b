import { FeedStatusBadge } from '../../components/ui/feed-status-badge';
import { ProblemLine } from '../../components/ui/problem-line';
import { TradeRowsTable } from '../trades/trade-rows-table';
import type { WatchlistFeedState } from './use-watchlist-feed';

export interface WatchlistFeedProps {
  feed: WatchlistFeedState;
  chainNames: ReadonlyMap<number, string>;
}

/** Live trades of the followed pools and wallets, as they are indexed. */
export function WatchlistFeed({ feed, chainNames }: WatchlistFeedProps) {
  return (
    <div data-testid="watchlist-feed" className="border-t border-zinc-800">
      <div className="flex items-center justify-between px-4 pt-3 pb-2">
        <h3 className="text-xs font-semibold text-zinc-400 uppercase">Live trades you follow</h3>
        <FeedStatusBadge status={feed.status} testId="watchlist-feed-status" />
      </div>
      <ProblemLine message={feed.problem} testId="watchlist-feed-problem" />
      <TradeRowsTable
        trades={feed.trades}
        chainNames={chainNames}
        empty="No trades yet: new trades of the pools and wallets you follow appear here."
        emptyRowDivider={false}
        scrollClassName="max-h-80 overflow-auto"
      />
    </div>
  );
}
