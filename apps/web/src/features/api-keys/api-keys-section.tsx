'use client';

import { ApiKeyCreateForm } from './api-key-create-form';
import { ApiKeyTable } from './api-key-table';
import { NewApiKeyNotice } from './new-api-key-notice';
import { Panel } from '../../components/ui/panel';
import { ProblemLine } from '../../components/ui/problem-line';
import { useApiKeys } from './use-api-keys';

export interface ApiKeysSectionProps {
  gatewayHttpUrl: string;
  onSessionEnded: () => void;
}

const NOTE = (
  <>
    For scripts and integrations: send a key as{' '}
    <span className="font-mono">Authorization: Bearer &lt;key&gt;</span> to the GraphQL API or the
    REST view. Revoking takes effect at once.
  </>
);

/** The signed-in user's API keys for integrations: create, list, revoke. */
export function ApiKeysSection({ gatewayHttpUrl, onSessionEnded }: ApiKeysSectionProps) {
  const keys = useApiKeys(gatewayHttpUrl, onSessionEnded);
  return (
    <Panel testId="api-keys-section" headingId="api-keys-heading" title="API keys" note={NOTE}>
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
    </Panel>
  );
}
