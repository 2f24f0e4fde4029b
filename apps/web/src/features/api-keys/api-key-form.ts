import type { CreateApiKeyInput } from '../../lib/api/generated/operations';
import { MAX_NAME, type FormResult } from '../../lib/form-result';
import type { ApiKeyScope } from './schemas';

export interface ApiKeyForm {
  name: string;
  scopes: ReadonlySet<ApiKeyScope>;
}

/** Scopes in a stable order, whatever order they were ticked in. */
export const ALL_SCOPES: readonly ApiKeyScope[] = ['READ', 'ALERTS_WRITE'];

export function readApiKeyForm(form: ApiKeyForm): FormResult<CreateApiKeyInput> {
  const name = form.name.trim();
  if (name === '') return { ok: false, problem: 'Name the key (for example, where it is used).' };
  if (name.length > MAX_NAME)
    return { ok: false, problem: `The name is too long: at most ${MAX_NAME} characters.` };
  const scopes = ALL_SCOPES.filter((scope) => form.scopes.has(scope));
  if (scopes.length === 0) return { ok: false, problem: 'Choose at least one scope.' };
  return { ok: true, value: { name, scopes } };
}
