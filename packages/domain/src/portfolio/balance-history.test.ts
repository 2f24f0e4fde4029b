import { describe, expect, it } from 'vitest';
import { balancesAtBucketEnds } from './balance-history';

describe('balancesAtBucketEnds', () => {
  it('adds each bucket to the running balance, oldest first', () => {
    const points = balancesAtBucketEnds(50n, [
      { bucket: 7200, delta: -20n },
      { bucket: 3600, delta: 5n },
      { bucket: 10800, delta: 0n },
    ]);
    expect(points).toEqual([
      { bucket: 3600, balance: 55n },
      { bucket: 7200, balance: 35n },
      { bucket: 10800, balance: 35n },
    ]);
  });

  it('answers nothing without changes', () => {
    expect(balancesAtBucketEnds(9n, [])).toEqual([]);
  });
});
