import { FeedStatusBadge } from '../../components/ui/feed-status-badge';
import { ProblemLine } from '../../components/ui/problem-line';
import { TradeRowsTable } from './trade-rows-table';
import type { TradeFeedState } from './use-trade-feed';

export interface TradeTableProps {
  feed: TradeFeedState;
  chainNames: ReadonlyMap<number, string>;
}

export function TradeTable({ feed, chainNames }: TradeTableProps) {
  return (
    <section
      aria-labelledby="trades-heading"
      className="rounded-lg border border-zinc-800 bg-zinc-900/60"
    >
      <div className="flex items-center justify-between px-4 pt-3 pb-2">
        <h2 id="trades-heading" className="text-sm font-semibold text-zinc-300">
          Live trades
        </h2>
        <FeedStatusBadge status={feed.status} />
      </div>
      <ProblemLine message={feed.problem} testId="feed-problem" />
      <TradeRowsTable trades={feed.trades} chainNames={chainNames} empty="No trades yet." />
    </section>
  );
}
