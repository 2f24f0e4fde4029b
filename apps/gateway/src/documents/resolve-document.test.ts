import { describe, expect, it } from 'vitest';
import { DocumentRefusedError } from './document-errors';
import { documentHash } from './document-id';
import { createDocumentResolver, type DocumentRequest } from './resolve-document';

const trustedText = 'query Chains { chains { id } }';
const otherText = 'query Mine { chains { name } }';
const trustedHash = documentHash(trustedText);
const unknownHash = documentHash(otherText);
const manifest = new Map([[trustedHash, trustedText]]);
const anyMode = createDocumentResolver('any', manifest);
const trustedMode = createDocumentResolver('trusted', manifest);
const persisted = (sha256Hash: unknown, version: unknown = 1) => ({
  persistedQuery: { version, sha256Hash },
});

/** The refusal's message (fails the test when the request is not refused as BAD_USER_INPUT). */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DocumentRefusedError);
    const error = err as DocumentRefusedError;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.retryable).toBe(false);
    return error.message;
  }
  throw new Error('the request was not refused');
}

describe('a document named by id', () => {
  it.each<[string, DocumentRequest]>([
    ['documentId sha256:<hex>', { documentId: `sha256:${trustedHash}` }],
    ['bare hex documentId', { documentId: trustedHash.toUpperCase() }],
    ["Apollo's persistedQuery", { extensions: persisted(trustedHash) }],
    ['both ids, agreeing', { documentId: trustedHash, extensions: persisted(trustedHash) }],
  ])('runs the manifest text for %s in either mode', (_name, request) => {
    for (const resolver of [anyMode, trustedMode]) {
      expect(resolver.resolve(request, false)).toEqual({
        query: trustedText,
        extensions: undefined,
      });
    }
  });

  it('keeps the other extensions and consumes persistedQuery', () => {
    const request = { extensions: { ...persisted(trustedHash), tracing: true } };
    expect(anyMode.resolve(request, false).extensions).toEqual({ tracing: true });
  });

  it('refuses an unknown id with PersistedQueryNotFound, even with an API key, and never guesses', () => {
    for (const resolver of [anyMode, trustedMode]) {
      const message = refusal(() => resolver.resolve({ documentId: unknownHash }, true));
      expect(message).toMatch(
        new RegExp(
          `^PersistedQueryNotFound: no trusted document has the id sha256:${unknownHash}\\.`,
        ),
      );
    }
  });

  it.each<[string, DocumentRequest, RegExp]>([
    [
      'a malformed documentId',
      { documentId: 'sha256:abc' },
      /^documentId must be "sha256:" and 64 hex digits/,
    ],
    ['a documentId that is no string', { documentId: 7 }, /^documentId must be/],
    [
      'a bad sha256Hash',
      { extensions: persisted('nope') },
      /^extensions\.persistedQuery\.sha256Hash must be/,
    ],
    [
      'persistedQuery version 2',
      { extensions: persisted(trustedHash, 2) },
      /version must be 1 \(got 2\)/,
    ],
    [
      'two different ids',
      { documentId: trustedHash, extensions: persisted(unknownHash) },
      /name different documents/,
    ],
    [
      'a text that does not hash to its id',
      { documentId: trustedHash, query: otherText },
      new RegExp(`^The query text sent with the id sha256:${trustedHash} does not hash to it`),
    ],
  ])('refuses %s', (_name, request, message) => {
    expect(refusal(() => anyMode.resolve(request, true))).toMatch(message);
  });
});

describe('a document sent as text', () => {
  it('runs any text in any mode, with or without its matching id', () => {
    expect(anyMode.resolve({ query: otherText }, false).query).toBe(otherText);
    const withId = { query: otherText, extensions: persisted(unknownHash) };
    expect(anyMode.resolve(withId, false)).toEqual({ query: otherText, extensions: undefined });
  });

  it('runs a trusted text in trusted mode: it is the same document', () => {
    expect(trustedMode.resolve({ query: trustedText }, false).query).toBe(trustedText);
  });

  it('refuses another text in trusted mode, naming the policy and what to do', () => {
    for (const request of [{ query: otherText }, { query: otherText, documentId: unknownHash }]) {
      expect(refusal(() => trustedMode.resolve(request, false))).toBe(
        "This gateway runs only trusted documents (GATEWAY_DOCUMENTS=trusted): send the documentId of one of the dashboard's operations, or authenticate with an API key (Authorization: Bearer <key>) to send your own query.",
      );
    }
  });

  it('runs another text in trusted mode for a caller who may send any document', () => {
    expect(trustedMode.resolve({ query: otherText }, true).query).toBe(otherText);
  });

  it('leaves a request without usable text to the server to refuse', () => {
    for (const request of [{}, { query: '' }, { query: 42 }]) {
      expect(trustedMode.resolve(request, false).query).toBeUndefined();
    }
  });
});
