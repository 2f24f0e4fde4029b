import { describe, expect, it } from 'vitest';
import { staleGeneratedFiles } from '../scripts/codegen-check';

describe('generated code', () => {
  it('is what graphql-codegen makes of the current SDL and documents', () => {
    // A stale file fails here with its path: run `npm run codegen -w @tidemark/schema`.
    expect(staleGeneratedFiles()).toEqual([]);
  }, 120_000);
});
