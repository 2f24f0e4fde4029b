'use client';

import { useState } from 'react';
import type { CreateApiKeyInput } from '../../lib/api/generated/operations';
import type { ApiKeyScope } from './schemas';
import { ALL_SCOPES, readApiKeyForm } from './api-key-form';
import { INPUT } from '../../components/ui/buttons';
import { Field } from '../../components/ui/form-parts';
import { SendForm } from '../../components/ui/send-form';

const SCOPE_HELP: Record<ApiKeyScope, string> = {
  READ: 'queries, subscriptions and your lists',
  ALERTS_WRITE: 'change your watchlist (and alert rules)',
};

function ScopeChoices(props: {
  scopes: ReadonlySet<ApiKeyScope>;
  toggle: (scope: ApiKeyScope) => void;
}) {
  return (
    <fieldset className="flex flex-wrap gap-3 text-xs text-zinc-300">
      <legend className="sr-only">Scopes</legend>
      {ALL_SCOPES.map((scope) => (
        <label key={scope} className="flex items-center gap-1.5" title={SCOPE_HELP[scope]}>
          <input
            type="checkbox"
            data-testid={`api-key-scope-${scope}`}
            checked={props.scopes.has(scope)}
            onChange={() => props.toggle(scope)}
          />
          <span className="font-mono">{scope}</span>
          <span className="text-zinc-500">({SCOPE_HELP[scope]})</span>
        </label>
      ))}
    </fieldset>
  );
}

export interface ApiKeyCreateFormProps {
  create: (input: CreateApiKeyInput) => Promise<string | null>;
}

/** Name a new key and choose what it may do. */
export function ApiKeyCreateForm({ create }: ApiKeyCreateFormProps) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ReadonlySet<ApiKeyScope>>(new Set(['READ']));

  const toggle = (scope: ApiKeyScope) =>
    setScopes((current) => {
      const next = new Set(current);
      if (!next.delete(scope)) next.add(scope);
      return next;
    });

  return (
    <SendForm
      testId="api-key-form"
      gap="gap-3"
      read={() => readApiKeyForm({ name, scopes })}
      send={create}
      sent={() => setName('')}
      submit={{ testId: 'api-key-create', label: 'Create key', busyLabel: 'Creating…' }}
    >
      <Field label="Name">
        <input
          data-testid="api-key-name"
          className={INPUT}
          placeholder="trading bot"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </Field>
      <ScopeChoices scopes={scopes} toggle={toggle} />
    </SendForm>
  );
}
