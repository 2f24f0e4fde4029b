'use client';

import { useCallback, useEffect, useState } from 'react';
import type { CreateApiKeyInput } from '../lib/api/generated/operations';
import type { ApiKey } from '../lib/api/identity-schemas';
import { createApiKey, listApiKeys, revokeApiKey } from '../lib/identity/identity-api';
import { describeProblem, sessionEnded } from '../lib/identity/problem';
import { usePendingIds } from './use-pending-ids';

/** A key just created: its secret is shown this once, until dismissed. */
export interface NewApiKey {
  apiKey: ApiKey;
  secret: string;
}

export interface ApiKeysState {
  keys: ApiKey[];
  loaded: boolean;
  truncated: boolean;
  problem: string | null;
  created: NewApiKey | null;
  /** Resolves null when created, else what went wrong (shown next to the form). */
  create: (input: CreateApiKeyInput) => Promise<string | null>;
  dismissCreated: () => void;
  revoke: (id: string) => void;
  revoking: ReadonlySet<string>;
}

const replaceKey = (keys: readonly ApiKey[], key: ApiKey) =>
  keys.map((k) => (k.id === key.id ? key : k));

/** The signed-in user's API keys: list, create (secret shown once), revoke. */
export function useApiKeys(gatewayUrl: string, onSessionEnded: () => void): ApiKeysState {
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [truncated, setTruncated] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const revocations = usePendingIds();

  const fail = useCallback(
    (error: unknown, what: string) => {
      if (sessionEnded(error)) onSessionEnded();
      else setProblem(`${what}: ${describeProblem(error)}`);
    },
    [onSessionEnded],
  );

  useEffect(() => {
    const stop = new AbortController();
    listApiKeys(gatewayUrl, stop.signal).then(
      (page) => {
        setKeys(page.items);
        setTruncated(page.truncated);
        setLoaded(true);
      },
      (error: unknown) => {
        if (!stop.signal.aborted) fail(error, 'Could not load your API keys');
      },
    );
    return () => stop.abort();
  }, [gatewayUrl, fail]);

  const create = useCallback(
    async (input: CreateApiKeyInput): Promise<string | null> => {
      try {
        const result = await createApiKey(gatewayUrl, input);
        setKeys((current) => [...current, result.apiKey]);
        setCreated(result);
        return null;
      } catch (error) {
        if (sessionEnded(error)) onSessionEnded();
        return describeProblem(error);
      }
    },
    [gatewayUrl, onSessionEnded],
  );

  const { track } = revocations;
  const revoke = useCallback(
    (id: string) => {
      setProblem(null);
      track(
        id,
        revokeApiKey(gatewayUrl, id).then(
          (key) => setKeys((current) => replaceKey(current, key)),
          (error: unknown) => fail(error, 'Could not revoke the key'),
        ),
      );
    },
    [gatewayUrl, fail, track],
  );

  const dismissCreated = useCallback(() => setCreated(null), []);

  const revoking = revocations.pending;
  return { keys, loaded, truncated, problem, created, create, dismissCreated, revoke, revoking };
}
