import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, looksLikeApiKey, newApiKeySecret, newToken } from './secrets';

describe('secrets', () => {
  it('makes API keys with the tmk_ prefix and 256 random bits, stored as their SHA-256', () => {
    const { secret, secretHash, prefix } = newApiKeySecret();
    expect(secret).toMatch(/^tmk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(4), 'base64url')).toHaveLength(32);
    expect(secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(prefix).toBe(secret.slice(0, 8));
    expect(looksLikeApiKey(secret)).toBe(true);
    expect(newApiKeySecret().secret).not.toBe(secret);
  });

  it('tells key-shaped tokens from anything else', () => {
    expect(looksLikeApiKey(`tmk_${'a'.repeat(42)}`)).toBe(false);
    expect(looksLikeApiKey(`abc_${'a'.repeat(43)}`)).toBe(false);
    expect(looksLikeApiKey(newToken())).toBe(false);
    expect(hashSecret('x')).toHaveLength(64);
  });
});
