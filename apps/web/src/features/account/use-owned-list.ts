'use client';

import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { Page } from './owned-page';
import { describeProblem, sessionEnded } from './problem';
import { usePendingIds } from './use-pending-ids';

export interface OwnedListOptions<T> {
  /** Lists the signed-in user's items (a stable, module-level function). */
  list: (gatewayUrl: string, signal: AbortSignal) => Promise<Page<T>>;
  /** Shown before the reason when listing fails, e.g. "Could not load your API keys". */
  loadFailure: string;
  /** Lists again this long after each load ends; unset: list once. */
  refreshMs?: number;
  onSessionEnded: () => void;
}

interface Listed<T> {
  items: T[];
  setItems: Dispatch<SetStateAction<T[]>>;
  loaded: boolean;
  truncated: boolean;
}

export interface OwnedList<T> extends Listed<T> {
  problem: string | null;
  clearProblem: () => void;
  /** Runs a form's request: resolves null once `apply` has its result, else what went wrong. */
  send: <R>(request: () => Promise<R>, apply: (result: R) => void) => Promise<string | null>;
  /** Runs one row's action once at a time; a failure goes to the problem line after `failure`. */
  act: <R>(id: string, request: Promise<R>, apply: (result: R) => void, failure: string) => void;
  /** Ids whose action is under way (their buttons are disabled). */
  pending: ReadonlySet<string>;
}

/** The listed items, loaded while shown, and again `refreshMs` after each load if set. */
function useListed<T>(
  gatewayUrl: string,
  { list, loadFailure, refreshMs }: OwnedListOptions<T>,
  setProblem: (problem: string | null) => void,
  fail: (error: unknown, what: string) => void,
): Listed<T> {
  const [items, setItems] = useState<T[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [truncated, setTruncated] = useState(false);
  useEffect(() => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      try {
        const page = await list(gatewayUrl, stop.signal);
        setItems(page.items);
        setTruncated(page.truncated);
        setLoaded(true);
        // A refresh that works clears the problem line (the figures are current again); a list
        // loaded once leaves the line to its row actions, as before.
        if (refreshMs !== undefined) setProblem(null);
      } catch (error) {
        if (stop.signal.aborted) return;
        fail(error, loadFailure);
      }
      if (refreshMs !== undefined && !stop.signal.aborted)
        timer = setTimeout(() => void load(), refreshMs);
    };
    void load();
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, [gatewayUrl, list, loadFailure, refreshMs, setProblem, fail]);
  return { items, setItems, loaded, truncated };
}

/**
 * A list the signed-in user owns (API keys, watchlist entries): loaded from the gateway, changed
 * by forms and row actions; an ended session is reported to `onSessionEnded`, not shown.
 */
export function useOwnedList<T>(gatewayUrl: string, options: OwnedListOptions<T>): OwnedList<T> {
  const [problem, setProblem] = useState<string | null>(null);
  const { pending, track } = usePendingIds();
  const { onSessionEnded } = options;

  const fail = useCallback(
    (error: unknown, what: string) => {
      if (sessionEnded(error)) onSessionEnded();
      else setProblem(`${what}: ${describeProblem(error)}`);
    },
    [onSessionEnded],
  );
  const listed = useListed(gatewayUrl, options, setProblem, fail);

  const send = useCallback(
    async <R>(request: () => Promise<R>, apply: (result: R) => void): Promise<string | null> => {
      try {
        apply(await request());
        return null;
      } catch (error) {
        if (sessionEnded(error)) onSessionEnded();
        return describeProblem(error);
      }
    },
    [onSessionEnded],
  );

  const act = useCallback(
    <R>(id: string, request: Promise<R>, apply: (result: R) => void, failure: string) =>
      track(
        id,
        request.then(apply, (error: unknown) => fail(error, failure)),
      ),
    [fail, track],
  );

  const clearProblem = useCallback(() => setProblem(null), []);
  return { ...listed, problem, clearProblem, send, act, pending };
}
