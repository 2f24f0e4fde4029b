'use client';

import { useState } from 'react';
import type { ApiKey } from './schemas';
import { formatDateTime } from '../../lib/format-decimal';
import { BUTTON, DANGER_BUTTON } from '../../components/ui/buttons';
import { DataTable } from '../../components/ui/data-table';

export interface ApiKeyTableProps {
  keys: ApiKey[];
  loaded: boolean;
  revoke: (id: string) => void;
  revoking: ReadonlySet<string>;
}

const COLUMNS = ['Name', 'Key', 'Scopes', 'Created', 'Last used', 'Status', ''];

/** Revoking cannot be undone, so it takes a second click. */
function RevokeControl({
  apiKey,
  revoke,
  busy,
}: {
  apiKey: ApiKey;
  revoke: () => void;
  busy: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  if (apiKey.revokedAt !== null) return null;
  if (busy) return <span className="text-xs text-zinc-500">Revoking…</span>;
  if (!confirming)
    return (
      <button
        type="button"
        data-testid="api-key-revoke"
        className={BUTTON}
        onClick={() => setConfirming(true)}
      >
        Revoke
      </button>
    );
  return (
    <span className="inline-flex gap-2">
      <button
        type="button"
        data-testid="api-key-revoke-confirm"
        className={DANGER_BUTTON}
        onClick={revoke}
      >
        Revoke now
      </button>
      <button type="button" className={BUTTON} onClick={() => setConfirming(false)}>
        Keep
      </button>
    </span>
  );
}

function ApiKeyRow(props: { apiKey: ApiKey; revoke: (id: string) => void; busy: boolean }) {
  const { apiKey: key, revoke, busy } = props;
  return (
    <tr
      data-testid="api-key-row"
      data-key-id={key.id}
      data-status={key.revokedAt === null ? 'active' : 'revoked'}
      className="border-t border-zinc-800/70"
    >
      <td className="px-4 py-2 text-zinc-100">{key.name}</td>
      <td data-testid="api-key-prefix" className="px-4 py-2 font-mono text-xs">
        {key.prefix}…
      </td>
      <td className="px-4 py-2 font-mono text-xs">{key.scopes.join(', ')}</td>
      <td className="px-4 py-2 text-xs text-zinc-400">{formatDateTime(key.createdAt)}</td>
      <td className="px-4 py-2 text-xs text-zinc-400">
        {key.lastUsedAt === null ? 'never' : formatDateTime(key.lastUsedAt)}
      </td>
      <td className="px-4 py-2 text-xs">
        {key.revokedAt === null ? (
          <span className="text-emerald-300">active</span>
        ) : (
          <span className="text-zinc-500" title={formatDateTime(key.revokedAt)}>
            revoked
          </span>
        )}
      </td>
      <td className="px-4 py-2 text-right">
        <RevokeControl apiKey={key} revoke={() => revoke(key.id)} busy={busy} />
      </td>
    </tr>
  );
}

export function ApiKeyTable({ keys, loaded, revoke, revoking }: ApiKeyTableProps) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={keys}
      renderRow={(key) => (
        <ApiKeyRow key={key.id} apiKey={key} revoke={revoke} busy={revoking.has(key.id)} />
      )}
      empty={loaded ? 'No API keys yet.' : 'Loading your API keys…'}
      emptyTestId="api-keys-empty"
    />
  );
}
