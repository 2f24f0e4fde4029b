import { describe, expect, it } from 'vitest';
import { readApiKeyForm } from './api-key-form';

describe('readApiKeyForm', () => {
  it('needs a name and a scope, and orders the scopes', () => {
    const scopes = new Set(['ALERTS_WRITE', 'READ'] as const);
    expect(readApiKeyForm({ name: ' bot ', scopes })).toEqual({
      ok: true,
      value: { name: 'bot', scopes: ['READ', 'ALERTS_WRITE'] },
    });
    expect(readApiKeyForm({ name: '', scopes })).toMatchObject({ ok: false });
    expect(readApiKeyForm({ name: 'bot', scopes: new Set() })).toEqual({
      ok: false,
      problem: 'Choose at least one scope.',
    });
  });
});
