import { describe, expect, it } from 'vitest';
import { documentHash } from './document-id';
import { createDocumentResolver } from './resolve-document';
import { resolveSubscribePayload } from './ws-documents';

const text = 'subscription Retracted { tradesRetracted { chainId } }';
const hash = documentHash(text);
const resolver = createDocumentResolver('trusted', new Map([[hash, text]]));

describe('resolveSubscribePayload', () => {
  it('fills in the text of a payload naming a trusted document (graphql-ws needs a query string)', () => {
    const payload = { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: hash } } };
    expect(resolveSubscribePayload(resolver, payload, false)).toEqual({
      query: text,
      extensions: null,
    });
    const byId = { query: '', documentId: `sha256:${hash}`, variables: { a: 1 } };
    expect(resolveSubscribePayload(resolver, byId, false)).toEqual({
      query: text,
      variables: { a: 1 },
      extensions: null,
    });
  });

  it('answers a refusal as the operation errors', () => {
    const result = resolveSubscribePayload(
      resolver,
      { query: 'subscription { tradeExecuted { id } }' },
      false,
    );
    expect(Array.isArray(result)).toBe(true);
    const [error] = result as readonly { message: string; extensions: { code?: unknown } }[];
    expect(error?.message).toMatch(/GATEWAY_DOCUMENTS=trusted/);
    expect(error?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
