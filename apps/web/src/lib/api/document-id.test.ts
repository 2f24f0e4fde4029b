import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { documentIdOf, isPersistedQueryNotFound } from './document-id';
import { CHAINS_QUERY } from '../../features/chains/documents';

describe('documentIdOf', () => {
  it('is sha256:<hex> of the exact text, as the gateway computes it', async () => {
    const hex = createHash('sha256').update(CHAINS_QUERY, 'utf8').digest('hex');
    expect(await documentIdOf(CHAINS_QUERY)).toBe(`sha256:${hex}`);
    expect(await documentIdOf(`${CHAINS_QUERY} `)).not.toBe(`sha256:${hex}`);
  });
});

describe('isPersistedQueryNotFound', () => {
  it("recognises the gateway's unknown-id error and nothing else", () => {
    const notFound = { errors: [{ message: 'PersistedQueryNotFound: no trusted document …' }] };
    expect(isPersistedQueryNotFound(notFound)).toBe(true);
    expect(isPersistedQueryNotFound({ errors: [{ message: 'Rate limit exceeded' }] })).toBe(false);
    expect(isPersistedQueryNotFound({ data: {} })).toBe(false);
    expect(isPersistedQueryNotFound(null)).toBe(false);
  });
});
