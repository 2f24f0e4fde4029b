import type { TokenRecord } from '../ports/oltp-records';

/** 10^78 exceeds 2^256: with more decimals no balance could hold even one whole token. */
export const MAX_TOKEN_DECIMALS = 77;
/** Longer symbols and names are junk, and would bloat every row and response that shows them. */
export const MAX_TOKEN_TEXT_BYTES = 256;

const WORD = 32;
const utf8 = new TextDecoder('utf-8', { fatal: true });
// NUL cannot be stored in a PostgreSQL text; other control characters are never a real name.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** The bytes of a 0x-prefixed hex string, or null when it is not one. */
function hexToBytes(hex: string): Uint8Array | null {
  if (!/^0x(?:[0-9a-fA-F]{2})*$/.test(hex)) return null;
  const bytes = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 + i * 2, 4 + i * 2), 16);
  return bytes;
}

function wordAt(bytes: Uint8Array, offset: number): bigint | null {
  if (offset + WORD > bytes.length) return null;
  let value = 0n;
  for (let i = offset; i < offset + WORD; i++) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
}

/** The payload of an ABI-encoded `string`/`bytes` return, or null when the layout does not hold. */
function abiStringBytes(bytes: Uint8Array): Uint8Array | null {
  const offset = wordAt(bytes, 0);
  if (offset === null || offset % BigInt(WORD) !== 0n || offset > BigInt(bytes.length)) return null;
  const length = wordAt(bytes, Number(offset));
  if (length === null || length > BigInt(MAX_TOKEN_TEXT_BYTES)) return null;
  const start = Number(offset) + WORD;
  if (start + Number(length) > bytes.length) return null;
  return bytes.subarray(start, start + Number(length));
}

function trimTrailingNuls(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.subarray(0, end);
}

/**
 * Decodes the return data of `symbol()` or `name()`: an ABI `string` (the standard) or a
 * `bytes32` (early tokens such as MKR). Null when there is no answer, when the bytes fit
 * neither layout, are not UTF-8, hold control characters, are empty or absurdly long.
 */
export function decodeTokenText(returnData: string | null): string | null {
  const bytes = returnData === null ? null : hexToBytes(returnData);
  if (!bytes) return null;
  const payload = bytes.length === WORD ? bytes : abiStringBytes(bytes);
  if (!payload) return null;
  const text = trimTrailingNuls(payload);
  if (text.length === 0) return null;
  let decoded: string;
  try {
    decoded = utf8.decode(text);
  } catch {
    return null;
  }
  return CONTROL.test(decoded) ? null : decoded;
}

/** Decodes the return data of `decimals()`: one word holding 0..MAX_TOKEN_DECIMALS, else null. */
export function decodeTokenDecimals(returnData: string | null): number | null {
  const bytes = returnData === null ? null : hexToBytes(returnData);
  if (!bytes || bytes.length !== WORD) return null;
  const value = wordAt(bytes, 0);
  return value !== null && value <= BigInt(MAX_TOKEN_DECIMALS) ? Number(value) : null;
}

/** What a token answered to `symbol()`, `name()` and `decimals()`; null where the call failed. */
export interface TokenMetadataReturns {
  symbol: string | null;
  name: string | null;
  decimals: string | null;
}

/** The token's record: every field the token could not answer sensibly stays null. */
export function toTokenRecord(
  chainId: number,
  address: string,
  returns: TokenMetadataReturns,
): TokenRecord {
  return {
    chainId,
    address: address.toLowerCase(),
    symbol: decodeTokenText(returns.symbol),
    name: decodeTokenText(returns.name),
    decimals: decodeTokenDecimals(returns.decimals),
  };
}
