'use client';

import { useCallback, useEffect, useState } from 'react';
import type { AddWatchlistEntryInput } from '../lib/api/generated/operations';
import type { WatchlistEntry } from '../lib/api/identity-schemas';
import { upsertEntry } from '../lib/identity/forms';
import {
  addWatchlistEntry,
  listWatchlist,
  removeWatchlistEntry,
} from '../lib/identity/identity-api';
import { describeProblem, sessionEnded } from '../lib/identity/problem';
import { usePendingIds } from './use-pending-ids';

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
  const [entries, setEntries] = useState<WatchlistEntry[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [truncated, setTruncated] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const removals = usePendingIds();

  const fail = useCallback(
    (error: unknown, what: string) => {
      if (sessionEnded(error)) onSessionEnded();
      else setProblem(`${what}: ${describeProblem(error)}`);
    },
    [onSessionEnded],
  );

  useEffect(() => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      try {
        const page = await listWatchlist(gatewayUrl, stop.signal);
        setEntries(page.items);
        setTruncated(page.truncated);
        setLoaded(true);
        setProblem(null);
      } catch (error) {
        if (stop.signal.aborted) return;
        fail(error, 'Could not load your watchlist');
      }
      if (!stop.signal.aborted) timer = setTimeout(() => void load(), REFRESH_MS);
    };
    void load();
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, [gatewayUrl, fail]);

  const add = useCallback(
    async (input: AddWatchlistEntryInput): Promise<string | null> => {
      try {
        const entry = await addWatchlistEntry(gatewayUrl, input);
        setEntries((current) => upsertEntry(current, entry));
        return null;
      } catch (error) {
        if (sessionEnded(error)) onSessionEnded();
        return describeProblem(error);
      }
    },
    [gatewayUrl, onSessionEnded],
  );

  const { track } = removals;
  const remove = useCallback(
    (id: string) =>
      track(
        id,
        removeWatchlistEntry(gatewayUrl, id).then(
          () => setEntries((current) => current.filter((entry) => entry.id !== id)),
          (error: unknown) => fail(error, 'Could not remove the entry'),
        ),
      ),
    [gatewayUrl, fail, track],
  );

  return { entries, loaded, truncated, problem, add, remove, removing: removals.pending };
}
