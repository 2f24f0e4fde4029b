import { describe, expect, it } from 'vitest';
import {
  describeWalletError,
  firstAccount,
  injectedProvider,
  parseChainId,
  readSignature,
  utf8ToHex,
  WalletError,
} from './eip1193';

describe('injectedProvider', () => {
  it('finds window.ethereum only when it can take requests', () => {
    const provider = { request: () => Promise.resolve(null) };
    expect(injectedProvider({ ethereum: provider })).toBe(provider);
    expect(injectedProvider({})).toBeUndefined();
    expect(injectedProvider({ ethereum: {} })).toBeUndefined();
    expect(injectedProvider(undefined)).toBeUndefined();
  });
});

describe('describeWalletError', () => {
  it('tells a rejection, a pending request and other failures apart', () => {
    expect(describeWalletError({ code: 4001, message: 'User rejected' }).message).toMatch(
      /You rejected the request/,
    );
    expect(describeWalletError({ code: -32002 }).message).toMatch(/already has a request/);
    const other = describeWalletError(new Error('boom'));
    expect(other).toBeInstanceOf(WalletError);
    expect(other.message).toBe('The wallet failed: boom');
  });
});

describe('wallet answers', () => {
  it('reads the first account, lower case, and refuses an empty list', () => {
    expect(firstAccount(['0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266'])).toBe(
      '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
    );
    expect(() => firstAccount([])).toThrow(/no account/);
  });

  it('reads a hex chain id', () => {
    expect(parseChainId('0x7a69')).toBe(31337);
    expect(() => parseChainId(31337)).toThrow(/malformed chain id/);
    expect(() => parseChainId('0x0')).toThrow(/chain id 0/);
  });

  it('encodes the message as UTF-8 hex for personal_sign', () => {
    expect(utf8ToHex('Hi é')).toBe('0x4869' + '20' + 'c3a9');
  });

  it('accepts only a 65-byte signature', () => {
    const signature = `0x${'ab'.repeat(65)}`;
    expect(readSignature(signature)).toBe(signature);
    expect(() => readSignature('0x1234')).toThrow(/not a signature/);
  });
});
