'use client';

import { useEffect, useState } from 'react';
import { CHAINS_QUERY } from './documents';
import { queryGateway } from '../../lib/api/http-client';
import { chainsDataSchema, type Chain } from './schemas';

export interface ChainsState {
  chains: Chain[];
  loaded: boolean;
  problem: string | null;
}

const REQUEST_TIMEOUT_MS = 5_000;

/** Polls the chains' indexing status; the next poll starts once the previous one has ended. */
export function useChains(httpUrl: string, intervalMs = 2_000): ChainsState {
  const [state, setState] = useState<ChainsState>({ chains: [], loaded: false, problem: null });

  useEffect(() => {
    const stop = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = async (): Promise<void> => {
      try {
        const data = await queryGateway({
          url: httpUrl,
          query: CHAINS_QUERY,
          schema: chainsDataSchema,
          signal: AbortSignal.any([stop.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
        });
        setState({ chains: data.chains, loaded: true, problem: null });
      } catch (error) {
        if (stop.signal.aborted) return;
        const message = error instanceof Error ? error.message : 'request failed';
        // Keep the last known rows on screen; the problem line says they may be stale.
        setState((previous) => ({ ...previous, problem: message }));
      }
      if (!stop.signal.aborted) timer = setTimeout(() => void poll(), intervalMs);
    };

    void poll();
    return () => {
      stop.abort();
      clearTimeout(timer);
    };
  }, [httpUrl, intervalMs]);

  return state;
}
