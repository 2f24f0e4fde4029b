import { describe, expect, it } from 'vitest';
import { documentHash, documentId, parseDocumentId } from './document-id';

// sha256("{ chains { id } }"), computed independently with `printf %s '{ chains { id } }' | sha256sum`.
const chainsHash = '0e12792cf19924713216c161456d3f20a77e934ea54cf67891ee0ed454a7f93c';

describe('document ids', () => {
  it('hash the exact text with sha256', () => {
    expect(documentHash('{ chains { id } }')).toBe(chainsHash);
    expect(documentHash('{ chains { id } }')).not.toBe(documentHash('{ chains { id }}'));
    expect(documentId('{ chains { id } }')).toBe(`sha256:${chainsHash}`);
  });

  it('parse sha256:<hex> and bare hex, in any case', () => {
    expect(parseDocumentId(`sha256:${chainsHash}`)).toBe(chainsHash);
    expect(parseDocumentId(chainsHash.toUpperCase())).toBe(chainsHash);
    expect(parseDocumentId(` SHA256:${chainsHash} `)).toBe(chainsHash);
  });

  it.each([
    '',
    'sha256:',
    `md5:${chainsHash}`,
    chainsHash.slice(1),
    `${chainsHash}0`,
    'x'.repeat(64),
  ])('refuse %j', (value) => {
    expect(parseDocumentId(value)).toBeUndefined();
  });
});
