'use client';

import type { Chain } from '../chains/schemas';
import { Panel } from '../../components/ui/panel';
import { ProblemLine } from '../../components/ui/problem-line';
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
    <Panel testId="watchlist-section" headingId="watchlist-heading" title="Watchlist">
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
      <WatchlistFeed feed={feed} chainNames={chainNames} />
    </Panel>
  );
}
