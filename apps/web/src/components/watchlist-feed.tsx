import type { Trade } from '../lib/api/schemas';
import type { FeedStatus } from '../lib/live/feed-status';
import { FeedStatusBadge } from './feed-status-badge';
import { ProblemLine } from './problem-line';
import { TradeRow } from './trade-row';
import { TRADE_COLUMN_COUNT, TradeTableHead } from './trade-table';

export interface WatchlistFeedProps {
  trades: Trade[];
  status: FeedStatus;
  problem: string | null;
  chainNames: ReadonlyMap<number, string>;
}

/** Live trades of the followed pools and wallets, as they are indexed. */
export function WatchlistFeed({ trades, status, problem, chainNames }: WatchlistFeedProps) {
  return (
    <div data-testid="watchlist-feed" className="border-t border-zinc-800">
      <div className="flex items-center justify-between px-4 pt-3 pb-2">
        <h3 className="text-xs font-semibold text-zinc-400 uppercase">Live trades you follow</h3>
        <FeedStatusBadge status={status} testId="watchlist-feed-status" />
      </div>
      <ProblemLine message={problem} testId="watchlist-feed-problem" />
      <div className="max-h-80 overflow-auto">
        <table className="w-full text-sm tabular-nums">
          <TradeTableHead />
          <tbody>
            {trades.map((trade) => (
              <TradeRow
                key={trade.id}
                trade={trade}
                chainName={chainNames.get(trade.chainId) ?? `#${trade.chainId}`}
              />
            ))}
            {trades.length === 0 && (
              <tr>
                <td colSpan={TRADE_COLUMN_COUNT} className="px-4 py-3 text-zinc-500">
                  No trades yet: new trades of the pools and wallets you follow appear here.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
