'use client';

import { useState, type FormEvent } from 'react';
import type { CreateApiKeyInput } from '../lib/api/generated/operations';
import type { ApiKeyScope } from '../lib/api/identity-schemas';
import { ALL_SCOPES, readApiKeyForm } from '../lib/identity/forms';
import { INPUT, PRIMARY_BUTTON } from './buttons';
import { Field, FormProblem } from './form-parts';

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
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const toggle = (scope: ApiKeyScope) =>
    setScopes((current) => {
      const next = new Set(current);
      if (!next.delete(scope)) next.add(scope);
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readApiKeyForm({ name, scopes });
    if (!read.ok) return setProblem(read.problem);
    setBusy(true);
    setProblem(null);
    void create(read.value).then((failure) => {
      setBusy(false);
      setProblem(failure);
      if (failure === null) setName('');
    });
  };

  return (
    <form
      data-testid="api-key-form"
      onSubmit={submit}
      className="flex flex-wrap items-end gap-3 px-4 pb-3"
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
      <button type="submit" data-testid="api-key-create" className={PRIMARY_BUTTON} disabled={busy}>
        {busy ? 'Creating…' : 'Create key'}
      </button>
      <FormProblem message={problem} testId="api-key-form-problem" />
    </form>
  );
}
