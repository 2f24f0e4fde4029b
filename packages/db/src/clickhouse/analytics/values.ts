import { InvalidDecimalError, formatFixed, parseFixed } from '@tidemark/domain';
import { StoreInputError } from '../../errors';

// Checks on values headed into SQL (as TSV fields or bound parameters): a malformed one fails
// with the field's name instead of a ClickHouse parse error, and nothing unchecked reaches a row.

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;
const UINT = /^(0|[1-9][0-9]*)$/;
const MAX_UINT256 = 2n ** 256n - 1n;
/** Decimal(76, 18) holds 58 integer digits. */
const MAX_DECIMAL = 10n ** 76n - 1n;

export function address(value: string, field: string): string {
  if (!ADDRESS.test(value))
    throw new StoreInputError(`${field}: expected a 0x address, got "${value}"`);
  return value.toLowerCase();
}

export function hash(value: string, field: string): string {
  if (!HASH.test(value))
    throw new StoreInputError(`${field}: expected a 0x 32-byte hash, got "${value}"`);
  return value.toLowerCase();
}

export function uint256(value: string, field: string): string {
  if (!UINT.test(value) || BigInt(value) > MAX_UINT256)
    throw new StoreInputError(`${field}: expected an unsigned 256-bit integer, got "${value}"`);
  return value;
}

/** A non-negative safe integer up to `max` (chain ids, block numbers, timestamps, counts). */
export function integer(
  value: number,
  field: string,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new StoreInputError(`${field}: expected an integer from ${min} to ${max}, got ${value}`);
  return value;
}

export const chainId = (value: number, field = 'chainId') => integer(value, field, 1, 2 ** 32 - 1);
export const unixTime = (value: number, field: string) => integer(value, field, 0, 2 ** 32 - 1);

/** Free text for a String column: any text, but not so long it can only be a mistake. */
export function text(value: string, field: string, maxLength = 4096): string {
  if (typeof value !== 'string' || value.length > maxLength)
    throw new StoreInputError(`${field}: expected text of at most ${maxLength} characters`);
  return value;
}

/** An exact decimal in its shortest form, checked to fit Decimal(76, 18). */
export function decimal(value: string, field: string): string {
  let fixed: bigint;
  try {
    fixed = parseFixed(value);
  } catch (error) {
    if (error instanceof InvalidDecimalError)
      throw new StoreInputError(`${field}: ${error.message}`);
    throw error;
  }
  if (fixed > MAX_DECIMAL || fixed < -MAX_DECIMAL)
    throw new StoreInputError(`${field}: "${value}" is out of range for Decimal(76, 18)`);
  return formatFixed(fixed);
}

export const nullableDecimal = (value: string | null, field: string): string | null =>
  value === null ? null : decimal(value, field);

const SHORTEST = /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/;

/** A decimal column read as text (toString), in the shortest form the port promises. */
export const decimalOut = (value: string): string =>
  SHORTEST.test(value) && value !== '-0' ? value : formatFixed(parseFixed(value));

export const nullableDecimalOut = (value: string | null): string | null =>
  value === null ? null : decimalOut(value);

/** 64-bit integers arrive as JSON strings from a server and as numbers from chDB. */
export type Int = number | string;
