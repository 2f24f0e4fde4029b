'use client';

import { useCallback } from 'react';
import type { AddWatchlistEntryInput } from '../../lib/api/generated/operations';
import type { WatchlistEntry } from './schemas';
import { upsertEntry } from './watchlist-form';
import { addWatchlistEntry, listWatchlist, removeWatchlistEntry } from './watchlist-api';
import { useOwnedList } from '../account/use-owned-list';

export interface WatchlistState {
  entries: WatchlistEntry[];
  loaded: boolean;
  truncated: boolean;
  problem: string | null;
  /** Resolves null when added, else what went wrong (shown next to the form). */
  add: (input: AddWatchlistEntryInput) => Promise<string | null>;
  remove: (id: string) => void;
  /** Ids being removed right now (their buttons are disabled). */
  removing: ReadonlySet<string>;
}

// Pool and wallet figures move with every trade; a quiet refresh keeps them current.
const REFRESH_MS = 10_000;

/** The signed-in user's watchlist with its stats, refreshed while shown. */
export function useWatchlist(gatewayUrl: string, onSessionEnded: () => void): WatchlistState {
  const list = useOwnedList(gatewayUrl, {
    list: listWatchlist,
    loadFailure: 'Could not load your watchlist',
    refreshMs: REFRESH_MS,
    onSessionEnded,
  });
  const { setItems: setEntries, send, act } = list;

  const add = useCallback(
    (input: AddWatchlistEntryInput) =>
      send(
        () => addWatchlistEntry(gatewayUrl, input),
        (entry) => setEntries((current) => upsertEntry(current, entry)),
      ),
    [gatewayUrl, send, setEntries],
  );

  const remove = useCallback(
    (id: string) =>
      act(
        id,
        removeWatchlistEntry(gatewayUrl, id),
        () => setEntries((current) => current.filter((entry) => entry.id !== id)),
        'Could not remove the entry',
      ),
    [gatewayUrl, act, setEntries],
  );

  const { items: entries, loaded, truncated, problem, pending: removing } = list;
  return { entries, loaded, truncated, problem, add, remove, removing };
}
