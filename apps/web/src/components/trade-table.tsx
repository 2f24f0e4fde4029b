import type { Trade } from '../lib/api/schemas';
import type { FeedStatus } from '../lib/live/feed-status';
import { FeedStatusBadge } from './feed-status-badge';
import { ProblemLine } from './problem-line';
import { TradeRow } from './trade-row';

export interface TradeTableProps {
  trades: Trade[];
  status: FeedStatus;
  problem: string | null;
  chainNames: ReadonlyMap<number, string>;
}

const COLUMNS: { label: string; right?: boolean }[] = [
  { label: 'Time (UTC)' },
  { label: 'Chain' },
  { label: 'Pool' },
  { label: 'Trader' },
  { label: 'Token in → out' },
  { label: 'Amount in', right: true },
  { label: 'Amount out', right: true },
];

export const TRADE_COLUMN_COUNT = COLUMNS.length;

/** The trade columns' headings, shared by every table of TradeRows. */
export function TradeTableHead() {
  return (
    <thead className="text-xs text-zinc-500 uppercase">
      <tr>
        {COLUMNS.map((column) => (
          <th
            key={column.label}
            className={`px-4 py-2 font-medium ${column.right === true ? 'text-right' : 'text-left'}`}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function TradeTable({ trades, status, problem, chainNames }: TradeTableProps) {
  return (
    <section
      aria-labelledby="trades-heading"
      className="rounded-lg border border-zinc-800 bg-zinc-900/60"
    >
      <div className="flex items-center justify-between px-4 pt-3 pb-2">
        <h2 id="trades-heading" className="text-sm font-semibold text-zinc-300">
          Live trades
        </h2>
        <FeedStatusBadge status={status} />
      </div>
      <ProblemLine message={problem} testId="feed-problem" />
      <div className="overflow-x-auto">
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
              <tr className="border-t border-zinc-800/70">
                <td colSpan={COLUMNS.length} className="px-4 py-3 text-zinc-500">
                  No trades yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
