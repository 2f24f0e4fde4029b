import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { documentHash } from './document-id';
import { resolveHttpDocument, type HttpDocuments } from './http-documents';
import { createDocumentResolver } from './resolve-document';

const text = 'query Chains { chains { id } }';
const hash = documentHash(text);
const documents: HttpDocuments = {
  resolver: createDocumentResolver('trusted', new Map([[hash, text]])),
  // As the gateway wires it: asynchronously, from the request's authenticated viewer.
  maySendAnyDocument: (req) => Promise.resolve(req.headers.authorization === 'Bearer good-key'),
};
const request = (headers: Record<string, string> = {}) => ({ headers }) as IncomingMessage;

describe('resolveHttpDocument', () => {
  it('puts the text of a POSTed documentId in the body and drops the id', async () => {
    const body = { documentId: `sha256:${hash}`, variables: { a: 1 }, operationName: 'Chains' };
    const resolved = await resolveHttpDocument(documents, request(), {
      method: 'POST',
      body,
      search: '',
    });
    expect(resolved.body).toEqual({ query: text, variables: { a: 1 }, operationName: 'Chains' });
  });

  it("consumes a GET's persistedQuery extension and keeps its other parameters", async () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const search = `?${new URLSearchParams({ extensions, variables: '{}' }).toString()}`;
    const resolved = await resolveHttpDocument(documents, request(), {
      method: 'GET',
      body: undefined,
      search,
    });
    const params = new URLSearchParams(resolved.search);
    expect(Object.fromEntries(params)).toEqual({ variables: '{}', query: text });
  });

  it('reads a GET documentId', async () => {
    const search = `?documentId=sha256:${hash}`;
    const resolved = await resolveHttpDocument(documents, request(), {
      method: 'GET',
      body: undefined,
      search,
    });
    expect(Object.fromEntries(new URLSearchParams(resolved.search))).toEqual({ query: text });
  });

  it('lets a caller who may send any document send its own text', async () => {
    const body = { query: '{ chains { name } }' };
    const input = { method: 'POST', body, search: '' };
    await expect(resolveHttpDocument(documents, request(), input)).rejects.toThrow(
      /GATEWAY_DOCUMENTS=trusted/,
    );
    const withKey = request({ authorization: 'Bearer good-key' });
    expect((await resolveHttpDocument(documents, withKey, input)).body).toEqual(body);
    const otherKey = request({ authorization: 'Bearer other-key' });
    await expect(resolveHttpDocument(documents, otherKey, input)).rejects.toThrow(/trusted/);
  });

  it('leaves bodies that are not objects to Apollo', async () => {
    const input = { method: 'POST', body: [{ query: '{ chains { name } }' }], search: '' };
    expect(await resolveHttpDocument(documents, request(), input)).toBe(input);
  });
});
