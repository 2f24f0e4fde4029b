'use client';

import type { Chain } from '../lib/api/schemas';
import { ProblemLine } from './problem-line';
import { useWatchlist } from './use-watchlist';
import { useWatchlistFeed } from './use-watchlist-feed';
import { WatchlistAddForm } from './watchlist-add-form';
import { WatchlistFeed } from './watchlist-feed';
import { WatchlistTable } from './watchlist-table';

export interface WatchlistSectionProps {
  gatewayHttpUrl: string;
  gatewayWsUrl: string;
  userId: string;
  chains: Chain[];
  chainNames: ReadonlyMap<number, string>;
  onSessionEnded: () => void;
}

/** The signed-in user's pools and wallets: their figures, add and remove, and their live trades. */
export function WatchlistSection(props: WatchlistSectionProps) {
  const { chains, chainNames, onSessionEnded } = props;
  const watchlist = useWatchlist(props.gatewayHttpUrl, onSessionEnded);
  const feed = useWatchlistFeed(props.gatewayWsUrl, props.userId, onSessionEnded);

  return (
    <section
      data-testid="watchlist-section"
      aria-labelledby="watchlist-heading"
      className="rounded-lg border border-zinc-800 bg-zinc-900/60"
    >
      <h2 id="watchlist-heading" className="px-4 pt-3 pb-2 text-sm font-semibold text-zinc-300">
        Watchlist
      </h2>
      <WatchlistAddForm chains={chains} add={watchlist.add} />
      <ProblemLine message={watchlist.problem} testId="watchlist-problem" />
      <WatchlistTable
        entries={watchlist.entries}
        loaded={watchlist.loaded}
        chainNames={chainNames}
        remove={watchlist.remove}
        removing={watchlist.removing}
      />
      {watchlist.truncated && (
        <p className="px-4 py-2 text-xs text-zinc-500">
          Showing your first 100 entries; the live feed covers all of them.
        </p>
      )}
      <WatchlistFeed
        trades={feed.trades}
        status={feed.status}
        problem={feed.problem}
        chainNames={chainNames}
      />
    </section>
  );
}
