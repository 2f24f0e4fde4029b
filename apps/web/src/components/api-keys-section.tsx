'use client';

import { ApiKeyCreateForm } from './api-key-create-form';
import { ApiKeyTable } from './api-key-table';
import { NewApiKeyNotice } from './new-api-key-notice';
import { ProblemLine } from './problem-line';
import { useApiKeys } from './use-api-keys';

export interface ApiKeysSectionProps {
  gatewayHttpUrl: string;
  onSessionEnded: () => void;
}

/** The signed-in user's API keys for integrations: create, list, revoke. */
export function ApiKeysSection({ gatewayHttpUrl, onSessionEnded }: ApiKeysSectionProps) {
  const keys = useApiKeys(gatewayHttpUrl, onSessionEnded);
  return (
    <section
      data-testid="api-keys-section"
      aria-labelledby="api-keys-heading"
      className="rounded-lg border border-zinc-800 bg-zinc-900/60"
    >
      <h2 id="api-keys-heading" className="px-4 pt-3 pb-1 text-sm font-semibold text-zinc-300">
        API keys
      </h2>
      <p className="px-4 pb-3 text-xs text-zinc-500">
        For scripts and integrations: send a key as{' '}
        <span className="font-mono">Authorization: Bearer &lt;key&gt;</span> to the GraphQL API or
        the REST view. Revoking takes effect at once.
      </p>
      <ApiKeyCreateForm create={keys.create} />
      {keys.created !== null && (
        <NewApiKeyNotice created={keys.created} dismiss={keys.dismissCreated} />
      )}
      <ProblemLine message={keys.problem} testId="api-keys-problem" />
      <ApiKeyTable
        keys={keys.keys}
        loaded={keys.loaded}
        revoke={keys.revoke}
        revoking={keys.revoking}
      />
      {keys.truncated && (
        <p className="px-4 py-2 text-xs text-zinc-500">Showing your first 100 keys.</p>
      )}
    </section>
  );
}
