import type { Protocol } from '@tidemark/schema';

/**
 * `factory`: only pools created by the configured factories are indexed. `open`: any address
 * that emits a pool event is a pool; those no configured factory created are unverified.
 */
export type DiscoveryMode = 'factory' | 'open';

export interface KnownFactory {
  address: string;
  protocol: Protocol;
}

export interface DiscoveryPolicy {
  mode: DiscoveryMode;
  factories: readonly KnownFactory[];
}

export type PoolVerdict = { index: false } | { index: true; verified: boolean };

const skip: PoolVerdict = { index: false };

/** Whether a pool announced by a creation event (PairCreated, PoolCreated) is indexed, and trusted. */
export function judgeCreatedPool(
  policy: DiscoveryPolicy,
  creation: { factory: string; protocol: Protocol },
): PoolVerdict {
  const factory = creation.factory.toLowerCase();
  const known = policy.factories.some(
    (f) => f.address.toLowerCase() === factory && f.protocol === creation.protocol,
  );
  if (known) return { index: true, verified: true };
  return judgeStrangerPool(policy);
}

/** Whether a pool-like address that no creation event vouches for is indexed. */
export function judgeStrangerPool(policy: DiscoveryPolicy): PoolVerdict {
  switch (policy.mode) {
    case 'factory':
      return skip;
    case 'open':
      return { index: true, verified: false };
    default: {
      const never: never = policy.mode;
      throw new Error(`unknown discovery mode ${String(never)}`);
    }
  }
}
