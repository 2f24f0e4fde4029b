import { encodeAbiParameters, stringToHex, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  decodeTokenDecimals,
  decodeTokenText,
  MAX_TOKEN_TEXT_BYTES,
  toTokenRecord,
} from './decode-token-metadata';

const abiString = (value: string) => encodeAbiParameters([{ type: 'string' }], [value]);
const abiBytes = (hex: `0x${string}`) => encodeAbiParameters([{ type: 'bytes' }], [hex]);
const bytes32 = (value: string) => stringToHex(value, { size: 32 });
const uintWord = (value: bigint) => encodeAbiParameters([{ type: 'uint256' }], [value]);

describe('decodeTokenText', () => {
  it('decodes a standard ABI string, including multi-byte UTF-8', () => {
    expect(decodeTokenText(abiString('USDC'))).toBe('USDC');
    expect(decodeTokenText(abiString('Ether ∑ 🌊'))).toBe('Ether ∑ 🌊');
  });

  it('decodes a bytes32 answer without its NUL padding (MKR-style tokens)', () => {
    expect(decodeTokenText(bytes32('MKR'))).toBe('MKR');
    expect(decodeTokenText(bytes32('Maker'))).toBe('Maker');
  });

  it('strips NUL padding inside an ABI string', () => {
    expect(decodeTokenText(abiBytes(stringToHex('DAI\0\0\0')))).toBe('DAI');
  });

  it('is null for no answer, an empty answer and an all-zero word', () => {
    expect(decodeTokenText(null)).toBeNull();
    expect(decodeTokenText('0x')).toBeNull();
    expect(decodeTokenText(abiString(''))).toBeNull();
    expect(decodeTokenText(toHex(0n, { size: 32 }))).toBeNull();
  });

  it('is null for bytes that are not UTF-8 or hold control characters', () => {
    expect(decodeTokenText(abiBytes('0xfffe41'))).toBeNull();
    expect(decodeTokenText(abiBytes('0xc328'))).toBeNull();
    expect(decodeTokenText(abiString('A\u0000B'))).toBeNull();
    expect(decodeTokenText(abiString('line\nbreak'))).toBeNull();
    expect(decodeTokenText(`0x${'ff'.repeat(32)}`)).toBeNull();
  });

  it('is null for layouts that do not hold: bad offset, overlong length, truncation, odd hex', () => {
    const good = abiString('LINK');
    expect(decodeTokenText(`0x${'00'.repeat(31)}07${good.slice(66)}`)).toBeNull(); // unaligned
    expect(decodeTokenText(`0x${'ff'.repeat(32)}${good.slice(66)}`)).toBeNull(); // offset past end
    expect(decodeTokenText(good.slice(0, 130))).toBeNull(); // length word, no payload
    expect(decodeTokenText(`${good}0`)).toBeNull();
    expect(decodeTokenText('not hex')).toBeNull();
    expect(decodeTokenText(`0x${'00'.repeat(16)}`)).toBeNull();
    const huge = `0x${uintWord(32n).slice(2)}${uintWord(2n ** 255n).slice(2)}${'41'.repeat(32)}`;
    expect(decodeTokenText(huge)).toBeNull();
  });

  it('keeps names up to the length limit and drops longer ones', () => {
    expect(decodeTokenText(abiString('x'.repeat(MAX_TOKEN_TEXT_BYTES)))).toHaveLength(
      MAX_TOKEN_TEXT_BYTES,
    );
    expect(decodeTokenText(abiString('x'.repeat(MAX_TOKEN_TEXT_BYTES + 1)))).toBeNull();
  });
});

describe('decodeTokenDecimals', () => {
  it('reads one word', () => {
    expect(decodeTokenDecimals(uintWord(18n))).toBe(18);
    expect(decodeTokenDecimals(uintWord(0n))).toBe(0);
    expect(decodeTokenDecimals(uintWord(77n))).toBe(77);
  });

  it('is null for no answer, a short or long answer and absurd values', () => {
    expect(decodeTokenDecimals(null)).toBeNull();
    expect(decodeTokenDecimals('0x')).toBeNull();
    expect(decodeTokenDecimals('0x12')).toBeNull();
    expect(decodeTokenDecimals(`${uintWord(18n)}${uintWord(18n).slice(2)}`)).toBeNull();
    expect(decodeTokenDecimals(uintWord(78n))).toBeNull();
    expect(decodeTokenDecimals(uintWord(2n ** 256n - 1n))).toBeNull();
  });
});

describe('toTokenRecord', () => {
  it('keeps what the token could not answer as null, never a guess', () => {
    expect(
      toTokenRecord(1, '0xABCDEF0000000000000000000000000000000001', {
        symbol: bytes32('ODD'),
        name: null,
        decimals: abiString('eighteen'),
      }),
    ).toEqual({
      chainId: 1,
      address: '0xabcdef0000000000000000000000000000000001',
      symbol: 'ODD',
      name: null,
      decimals: null,
    });
  });
});
