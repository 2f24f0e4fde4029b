import type { TransferV1 } from '@tidemark/schema';
import { describe, expect, it } from 'vitest';
import {
  ZERO_ADDRESS,
  firstLegsOfNewPairs,
  netDeltas,
  pairKey,
  seedLeg,
  transferLegs,
} from './balance-legs';

type Hex = `0x${string}`;
const A: Hex = `0x${'a'.repeat(40)}`;
const B: Hex = `0x${'b'.repeat(40)}`;
const TKN: Hex = `0x${'1'.repeat(40)}`;
const ALT: Hex = `0x${'2'.repeat(40)}`;
const HASH = (n: number): Hex => `0x${n.toString(16).padStart(64, '0')}`;
const upper = (a: Hex): Hex => `0x${a.slice(2).toUpperCase()}`;

function transfer(
  block: number,
  logIndex: number,
  from: Hex,
  to: Hex,
  value: string,
  token = TKN,
): TransferV1 {
  return {
    type: 'TransferV1',
    chainId: 1,
    blockNumber: block,
    blockHash: HASH(block),
    timestamp: 1_700_000_000 + block * 12,
    txHash: HASH(1000 + logIndex),
    logIndex,
    token,
    from,
    to,
    value,
  };
}

describe('transferLegs', () => {
  it('books -value on the sender and +value on the recipient, exactly', () => {
    const big = (2n ** 255n + 7n).toString();
    const legs = transferLegs([transfer(5, 3, A, B, big)]);
    expect(legs.map((l) => [l.wallet, l.kind, l.delta, l.blockNumber, l.logIndex])).toEqual([
      [A, 'out', -(2n ** 255n + 7n), 5, 3],
      [B, 'in', 2n ** 255n + 7n, 5, 3],
    ]);
  });

  it('leaves the zero address out of mints and burns', () => {
    const legs = transferLegs([
      transfer(1, 0, ZERO_ADDRESS, A, '100'),
      transfer(2, 0, A, ZERO_ADDRESS, '40'),
    ]);
    expect(legs.map((l) => [l.wallet, l.delta])).toEqual([
      [A, 100n],
      [A, -40n],
    ]);
  });

  it('nets a self-transfer to nothing but keeps both legs apart', () => {
    const legs = transferLegs([transfer(1, 0, A, A, '9')]);
    expect(legs.map((l) => l.kind)).toEqual(['out', 'in']);
    expect(netDeltas(legs).get(pairKey(A, TKN))).toBe(0n);
  });

  it('lower-cases addresses and hashes so pairs compare equal', () => {
    const t = transfer(1, 0, upper(A), B, '1');
    const [out] = transferLegs([{ ...t, token: upper(TKN) }]);
    expect(out?.wallet).toBe(A);
    expect(out?.token).toBe(TKN);
  });
});

describe('firstLegsOfNewPairs', () => {
  it('names each unseen pair once, at its first leg, in order', () => {
    const legs = transferLegs([
      transfer(7, 0, A, B, '5'),
      transfer(7, 1, B, A, '2'),
      transfer(8, 0, A, B, '1', ALT),
    ]);
    const seen = new Set([pairKey(A, TKN)]);
    const firsts = firstLegsOfNewPairs(legs, (key) => seen.has(key));
    expect(firsts.map((l) => [pairKey(l.wallet, l.token), l.blockNumber, l.logIndex])).toEqual([
      [pairKey(B, TKN), 7, 0],
      [pairKey(A, ALT), 8, 0],
      [pairKey(B, ALT), 8, 0],
    ]);
  });

  it('turns a first leg into a seed at the same place', () => {
    const [first] = transferLegs([transfer(7, 4, A, B, '5')]);
    const seed = seedLeg(first!, 1_000n);
    expect(seed).toMatchObject({ wallet: A, kind: 'seed', delta: 1_000n, logIndex: 4 });
  });
});

describe('netDeltas', () => {
  it('sums a run per pair: seed 100, -30, +12 leaves 82', () => {
    const legs = transferLegs([transfer(3, 0, A, B, '30'), transfer(4, 0, B, A, '12')]);
    const seeded = [seedLeg(legs[0]!, 100n), ...legs];
    const net = netDeltas(seeded);
    expect(net.get(pairKey(A, TKN))).toBe(82n);
    expect(net.get(pairKey(B, TKN))).toBe(18n);
  });
});
