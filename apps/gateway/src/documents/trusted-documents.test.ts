import { describe, expect, it } from 'vitest';
import { documentHash } from './document-id';
import { loadTrustedDocuments, parseTrustedDocuments } from './trusted-documents';

const text = 'query Chains { chains { id } }';

describe('trusted documents manifest', () => {
  it('indexes texts by their sha256', () => {
    const documents = parseTrustedDocuments({ [documentHash(text)]: text }, 'test');
    expect([...documents]).toEqual([[documentHash(text), text]]);
  });

  it('refuses an entry whose key is not the hash of its text, saying how to fix it', () => {
    const wrong = { [documentHash(`${text} `)]: text };
    expect(() => parseTrustedDocuments(wrong, 'm.json')).toThrow(
      /^m\.json: the entry [0-9a-f]{64} is not the sha256 of its text; regenerate the manifest with npm run documents:generate/,
    );
  });

  it.each([
    ['an array', [text]],
    ['a key that is no hash', { chains: text }],
    ['an empty text', { [documentHash('')]: '' }],
  ])('refuses %s', (_name, json) => {
    expect(() => parseTrustedDocuments(json, 'm.json')).toThrow(
      /^m\.json: expected an object of sha256 hex -> document text/,
    );
  });

  it("loads @tidemark/schema's manifest, which holds the dashboard's operations", () => {
    const texts = [...loadTrustedDocuments().values()];
    expect(texts.some((document) => /query Chains\b/.test(document))).toBe(true);
    expect(texts.some((document) => /subscription TradeExecuted\b/.test(document))).toBe(true);
  });
});
