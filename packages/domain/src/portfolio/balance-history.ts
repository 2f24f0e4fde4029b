/** The net change of a balance within one bucket (a day or an hour). */
export interface BucketDelta {
  /** Start of the bucket, Unix seconds. */
  bucket: number;
  delta: bigint;
}

export interface BalancePointValue {
  bucket: number;
  /** The balance at the end of the bucket. */
  balance: bigint;
}

/**
 * The balance at the end of each bucket in which it changed, oldest first: `opening` (the balance
 * before the first bucket) plus the changes up to and including each bucket.
 */
export function balancesAtBucketEnds(
  opening: bigint,
  deltas: readonly BucketDelta[],
): BalancePointValue[] {
  const sorted = [...deltas].sort((a, b) => a.bucket - b.bucket);
  let balance = opening;
  return sorted.map((d) => {
    balance += d.delta;
    return { bucket: d.bucket, balance };
  });
}
