import { describe, expect, it } from 'vitest';
import { anonymousViewer } from '../auth/viewer';
import { maySendAnyDocument } from './caller';

const user = { kind: 'user', userId: 'u1', address: '0xabc' } as const;

describe('maySendAnyDocument', () => {
  it('lets API-key callers send their own documents, not sessions or anonymous callers', () => {
    const apiKey = { ...user, via: 'apiKey', apiKeyId: 'k1', scopes: ['read'] } as const;
    expect(maySendAnyDocument(apiKey)).toBe(true);
    expect(maySendAnyDocument({ ...user, via: 'session' })).toBe(false);
    expect(maySendAnyDocument(anonymousViewer)).toBe(false);
  });
});
