/**
 * Exact decimal arithmetic for derived money figures (USD values, prices): a `Fixed` is a bigint
 * counting units of 10^-18. Raw token amounts stay plain bigints; nothing here is a float.
 */
export type Fixed = bigint;

export const FIXED_DECIMALS = 18;
export const ONE: Fixed = 10n ** 18n;
export const ZERO: Fixed = 0n;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export class InvalidDecimalError extends Error {
  override readonly name = 'InvalidDecimalError';
  readonly retryable = false;
}

/** "12.5" -> 12.5 x 10^18. Refuses what is not a plain decimal; digits past 18 are refused too. */
export function parseFixed(text: string): Fixed {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new InvalidDecimalError(`not a decimal number: "${text}"`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > FIXED_DECIMALS)
    throw new InvalidDecimalError(`"${text}" has more than ${FIXED_DECIMALS} decimal places`);
  const value = BigInt(whole) * ONE + BigInt(fraction.padEnd(FIXED_DECIMALS, '0') || '0');
  return sign === '-' ? -value : value;
}

/** The shortest exact decimal text: 12.5 x 10^18 -> "12.5", 3 x 10^18 -> "3". */
export function formatFixed(value: Fixed): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / ONE;
  const fraction = (abs % ONE).toString().padStart(FIXED_DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** a / b rounded half away from zero: the one rounding rule of every derived figure. */
export function divRound(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('division by zero');
  const negative = a < 0n !== b < 0n;
  const [absA, absB] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const quotient = (absA * 2n + absB) / (absB * 2n);
  return negative ? -quotient : quotient;
}

/** a x b for two Fixed values. */
export const mulFixed = (a: Fixed, b: Fixed): Fixed => divRound(a * b, ONE);

/** a / b for two Fixed values. */
export const divFixed = (a: Fixed, b: Fixed): Fixed => divRound(a * ONE, b);

/** A raw token amount (smallest units) as a Fixed count of whole tokens. */
export function tokensFromRaw(raw: bigint, decimals: number): Fixed {
  return decimals <= FIXED_DECIMALS
    ? raw * 10n ** BigInt(FIXED_DECIMALS - decimals)
    : divRound(raw, 10n ** BigInt(decimals - FIXED_DECIMALS));
}

/** The USD value of a raw amount of a token priced at `priceUsd` per whole token. */
export const usdValue = (raw: bigint, decimals: number, priceUsd: Fixed): Fixed =>
  mulFixed(tokensFromRaw(raw, decimals), priceUsd);
