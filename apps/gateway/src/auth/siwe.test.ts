import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { describe, expect, it } from 'vitest';
import { checkSignatureFormat, maxSignatureBytes, newSiweNonce, verifySignIn } from './siwe';

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

  it('refuses a signature by no account without an RPC URL for the chain, saying how to allow contract wallets', async () => {
    const { message } = await signed();
    // An ERC-6492-style signature: longer than an account's, so only a chain could check it.
    const error = await verifySignIn(message, `0x${'ab'.repeat(300)}`, expectations).catch(
      (e: unknown) => e,
    );
    expect(codeOf(error)).toBe('UNAUTHENTICATED');
    expect((error as Error).message).toContain(
      'an RPC URL in GATEWAY_SIWE_RPC_URLS, and chain 1 has none',
    );
  });

  it('makes 128-bit alphanumeric nonces', () => {
    expect(newSiweNonce()).toMatch(/^[0-9a-f]{32}$/);
    expect(newSiweNonce()).not.toBe(newSiweNonce());
  });
});

describe('checkSignatureFormat', () => {
  it.each([
    ['an account signature (65 bytes)', `0x${'1b'.repeat(65)}`],
    ['a contract wallet signature of another length', `0x${'AbCd'.repeat(40)}`],
    ['one byte', '0x00'],
    ['the largest accepted', `0x${'00'.repeat(maxSignatureBytes)}`],
  ])('accepts %s', (_what, signature) => {
    expect(() => checkSignatureFormat(signature)).not.toThrow();
  });

  it.each([
    ['empty', '0x'],
    ['without 0x', '1b'.repeat(65)],
    ['an odd number of digits', '0x123'],
    ['not hex', `0x${'zz'.repeat(65)}`],
    ['over the bound', `0x${'00'.repeat(maxSignatureBytes + 1)}`],
    ['with spaces', '0x12 34'],
  ])('refuses %s: BAD_USER_INPUT with what a signature looks like', (_what, signature) => {
    let error: unknown;
    try {
      checkSignatureFormat(signature);
    } catch (e) {
      error = e;
    }
    expect(codeOf(error)).toBe('BAD_USER_INPUT');
    expect((error as Error).message).toBe(
      `signature: expected hex bytes (0x and an even number of hex digits, at most ${maxSignatureBytes} bytes; an account's signature is 65 bytes)`,
    );
  });
});
