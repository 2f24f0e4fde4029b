import { PricingInputError } from './types';

const UINT = /^(0|[1-9][0-9]*)$/;

/** An unsigned integer from its decimal text (how raw amounts travel), naming the field if not. */
export function parseUint(value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !UINT.test(value))
    throw new PricingInputError(
      `${what}: expected an unsigned integer as a decimal string, got ${String(value)}`,
    );
  return BigInt(value);
}
