import { parseFixed, type Fixed } from '../money/fixed';
import { InvalidLedgerStateError } from './errors';

/** Reads fields of untrusted parsed JSON, failing with the path of what is wrong. */
export type JsonObject = Record<string, unknown>;

const fail = (where: string, expected: string, got: unknown): never => {
  throw new InvalidLedgerStateError(
    `ledger state ${where}: expected ${expected}, got ${show(got)}`,
  );
};

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'an array';
  return value === null || typeof value !== 'object' ? String(value) : 'an object';
}

export function objectAt(value: unknown, where: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(where, 'an object', value);
  return value as JsonObject;
}

export function arrayAt(o: JsonObject, key: string, where: string): unknown[] {
  const value = o[key];
  return Array.isArray(value) ? value : fail(`${where}.${key}`, 'an array', value);
}

export function stringAt(o: JsonObject, key: string, where: string): string {
  const value = o[key];
  return typeof value === 'string' && value !== ''
    ? value
    : fail(`${where}.${key}`, 'a non-empty string', value);
}

export function intAt(o: JsonObject, key: string, where: string, min = 0): number {
  const value = o[key];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min
    ? value
    : fail(`${where}.${key}`, `an integer of at least ${min}`, value);
}

/** A raw token amount, stored as an unsigned decimal integer string. */
export function rawAt(o: JsonObject, key: string, where: string): bigint {
  const value = o[key];
  return typeof value === 'string' && /^(0|[1-9][0-9]*)$/.test(value)
    ? BigInt(value)
    : fail(`${where}.${key}`, 'an unsigned integer as a decimal string', value);
}

/** A USD figure, stored as exact decimal text ("12.5"). */
export function usdAt(o: JsonObject, key: string, where: string): Fixed {
  const value = o[key];
  if (typeof value !== 'string') return fail(`${where}.${key}`, 'a decimal string', value);
  try {
    return parseFixed(value);
  } catch {
    return fail(`${where}.${key}`, 'a decimal string', value);
  }
}
