import type { TransferV1 } from '@tidemark/schema';

/** Mints come from it and burns go to it: it is never a wallet. */
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** Why a balance changed: a transfer in, a transfer out, or the starting balance read on chain. */
export type BalanceLegKind = 'in' | 'out' | 'seed';

/**
 * One change of a wallet's balance of a token, where it happened. A transfer gives two legs (one
 * per side, the zero address left out); (block hash, log index, kind) names a leg uniquely, so a
 * store can keep them idempotently.
 */
export interface BalanceLeg {
  wallet: string;
  token: string;
  blockNumber: number;
  blockHash: string;
  timestamp: number;
  logIndex: number;
  kind: BalanceLegKind;
  /** Raw token units, signed. */
  delta: bigint;
}

/** The key of a (wallet, token) pair, lower case. */
export const pairKey = (wallet: string, token: string): string =>
  `${wallet.toLowerCase()}:${token.toLowerCase()}`;

export const legPair = (leg: Pick<BalanceLeg, 'wallet' | 'token'>): string =>
  pairKey(leg.wallet, leg.token);

/** The legs of a run of transfers, in their order: the sender's -value, then the recipient's +value. */
export function transferLegs(transfers: readonly TransferV1[]): BalanceLeg[] {
  const legs: BalanceLeg[] = [];
  for (const t of transfers) {
    const value = BigInt(t.value);
    const at = {
      token: t.token.toLowerCase(),
      blockNumber: t.blockNumber,
      blockHash: t.blockHash.toLowerCase(),
      timestamp: t.timestamp,
      logIndex: t.logIndex,
    };
    const from = t.from.toLowerCase();
    const to = t.to.toLowerCase();
    if (from !== ZERO_ADDRESS) legs.push({ ...at, wallet: from, kind: 'out', delta: -value });
    if (to !== ZERO_ADDRESS) legs.push({ ...at, wallet: to, kind: 'in', delta: value });
  }
  return legs;
}

/**
 * The first leg of every pair that `seen` does not know, in order: where each new pair needs its
 * starting balance (the balance at the end of the block before).
 */
export function firstLegsOfNewPairs(
  legs: readonly BalanceLeg[],
  seen: (pair: string) => boolean,
): BalanceLeg[] {
  const firsts = new Map<string, BalanceLeg>();
  for (const leg of legs) {
    const key = legPair(leg);
    if (!firsts.has(key) && !seen(key)) firsts.set(key, leg);
  }
  return [...firsts.values()];
}

/** The starting balance of a pair, kept at its first leg's place so it dies with that block. */
export function seedLeg(first: BalanceLeg, balance: bigint): BalanceLeg {
  return { ...first, kind: 'seed', delta: balance };
}

/** Net change per pair (`pairKey`) over the legs. */
export function netDeltas(legs: readonly BalanceLeg[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const leg of legs) {
    const key = legPair(leg);
    out.set(key, (out.get(key) ?? 0n) + leg.delta);
  }
  return out;
}
