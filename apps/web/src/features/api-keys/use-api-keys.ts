'use client';

import { useCallback, useState } from 'react';
import type { CreateApiKeyInput } from '../../lib/api/generated/operations';
import type { ApiKey } from './schemas';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys-api';
import { useOwnedList } from '../account/use-owned-list';

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
  const list = useOwnedList(gatewayUrl, {
    list: listApiKeys,
    loadFailure: 'Could not load your API keys',
    onSessionEnded,
  });
  const [created, setCreated] = useState<NewApiKey | null>(null);
  const { setItems: setKeys, send, act, clearProblem } = list;

  const create = useCallback(
    (input: CreateApiKeyInput) =>
      send(
        () => createApiKey(gatewayUrl, input),
        (result) => {
          setKeys((current) => [...current, result.apiKey]);
          setCreated(result);
        },
      ),
    [gatewayUrl, send, setKeys],
  );

  const revoke = useCallback(
    (id: string) => {
      clearProblem();
      act(
        id,
        revokeApiKey(gatewayUrl, id),
        (key) => setKeys((current) => replaceKey(current, key)),
        'Could not revoke the key',
      );
    },
    [gatewayUrl, act, clearProblem, setKeys],
  );

  const dismissCreated = useCallback(() => setCreated(null), []);

  const { items: keys, loaded, truncated, problem, pending: revoking } = list;
  return { keys, loaded, truncated, problem, created, create, dismissCreated, revoke, revoking };
}
