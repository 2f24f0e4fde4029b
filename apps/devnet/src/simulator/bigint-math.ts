/** Integer square root (floor), by Newton's method. */
export function sqrtBigInt(value: bigint): bigint {
  if (value < 0n) throw new Error('Square root of a negative number');
  if (value < 2n) return value;
  let current = value;
  let next = (value >> 1n) + 1n;
  while (next < current) {
    current = next;
    next = (value / next + next) >> 1n;
  }
  return current;
}

/** The output of a constant-product swap with the 0.3% fee, as the pair computes it. */
export function amountOut(amountIn: bigint, reserveIn: bigint, reserveOut: bigint): bigint {
  if (amountIn <= 0n || reserveIn <= 0n || reserveOut <= 0n) return 0n;
  const inWithFee = amountIn * 997n;
  return (inWithFee * reserveOut) / (reserveIn * 1000n + inWithFee);
}

/** Scales by a factor given in parts per million, e.g. 1_020_000 for +2%. */
export function scalePpm(value: bigint, ppm: number): bigint {
  return (value * BigInt(Math.round(ppm))) / 1_000_000n;
}
