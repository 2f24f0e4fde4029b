import type { FeedStatus } from '../../lib/live/feed-status';

const DOT: Record<FeedStatus, string> = {
  connecting: 'bg-amber-400 animate-pulse',
  live: 'bg-emerald-400',
  reconnecting: 'bg-orange-500 animate-pulse',
};

/** The subscription's state; the text is exactly the status word, for people and tests alike. */
export function FeedStatusBadge({
  status,
  testId = 'feed-status',
}: {
  status: FeedStatus;
  testId?: string;
}) {
  return (
    <span className="inline-flex items-center gap-2 rounded-full border border-zinc-800 px-3 py-1 text-xs">
      <span aria-hidden className={`h-2 w-2 rounded-full ${DOT[status]}`} />
      <span data-testid={testId} data-status={status} className="font-medium text-zinc-300">
        {status}
      </span>
    </span>
  );
}
