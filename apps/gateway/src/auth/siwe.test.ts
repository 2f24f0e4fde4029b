import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { describe, expect, it } from 'vitest';
import { newSiweNonce, verifySignIn } from './siwe';

const account = privateKeyToAccount(generatePrivateKey());
const now = new Date('2026-01-01T12:00:00Z');
const expectations = { domain: 'app.example', chainIds: [1], now, maxAgeMs: 600_000 };

async function signed(fields: Partial<Parameters<typeof createSiweMessage>[0]> = {}) {
  const message = createSiweMessage({
    domain: 'app.example',
    address: account.address,
    uri: 'https://app.example',
    version: '1',
    chainId: 1,
    nonce: 'abcdef0123456789',
    issuedAt: now,
    ...fields,
  });
  return { message, signature: await account.signMessage({ message }) };
}

const codeOf = (err: unknown) => (err as { extensions?: { code?: string } }).extensions?.code;

describe('verifySignIn', () => {
  it('returns the signer (lower case) and the nonce of a valid message', async () => {
    const { message, signature } = await signed();
    expect(await verifySignIn(message, signature, expectations)).toEqual({
      address: account.address.toLowerCase(),
      nonce: 'abcdef0123456789',
    });
  });

  it.each([
    [{ chainId: 5 }, 'chain id 5 is not one of 1'],
    [{ domain: 'other.example' }, 'the message is for other.example'],
    [{ issuedAt: new Date(now.getTime() + 120_000) }, 'issuedAt is in the future'],
    [{ expirationTime: now }, 'has expired'],
  ])('refuses %j: UNAUTHENTICATED', async (fields, why) => {
    const { message, signature } = await signed(fields);
    const error = await verifySignIn(message, signature, expectations).catch((e: unknown) => e);
    expect(codeOf(error)).toBe('UNAUTHENTICATED');
    expect((error as Error).message).toContain(why);
  });

  it('refuses a message that is not EIP-4361 or an oversized one: BAD_USER_INPUT', async () => {
    const { signature } = await signed();
    for (const message of ['hello', 'x'.repeat(5000)]) {
      const error = await verifySignIn(message, signature, expectations).catch((e: unknown) => e);
      expect(codeOf(error)).toBe('BAD_USER_INPUT');
    }
  });

  it('makes 128-bit alphanumeric nonces', () => {
    expect(newSiweNonce()).toMatch(/^[0-9a-f]{32}$/);
    expect(newSiweNonce()).not.toBe(newSiweNonce());
  });
});
