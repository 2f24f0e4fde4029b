import type { CanonicalEvent } from '@tidemark/schema';
import { describe, expect, it } from 'vitest';
import { bucketStarts, updateKeysOf } from './update-keys';

const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as const;
const address = (digit: string) => `0x${digit.repeat(40)}` as const;

function trade(blockNumber: number, timestamp: number, pool: string, trader: string) {
  return {
    type: 'TradeExecutedV1',
    chainId: 1,
    blockNumber,
    blockHash: hash(blockNumber),
    timestamp,
    txHash: hash(1000 + blockNumber),
    logIndex: 0,
    protocol: 'uniswap-v2',
    pool,
    trader,
    sender: trader,
    recipient: trader,
    tokenIn: address('4'),
    tokenOut: address('5'),
    amountIn: '1',
    amountOut: '1',
  } as CanonicalEvent;
}

const none = { candles: [], wallets: [] };

describe('updateKeysOf', () => {
  it("spans each pool's trade times and names every trader, at the batch's last block", () => {
    const events = [
      trade(10, 100, address('a'), address('1')),
      trade(11, 160, address('b'), address('2')),
      trade(12, 130, address('a'), address('2')),
      {
        type: 'BlockV1',
        chainId: 1,
        blockNumber: 13,
        blockHash: hash(13),
        parentHash: hash(12),
        timestamp: 170,
      },
    ] as CanonicalEvent[];
    const keys = updateKeysOf(events, none);
    expect(keys?.pools).toEqual([
      { pool: address('a'), from: 100, to: 130, retracted: false },
      { pool: address('b'), from: 160, to: 160, retracted: false },
    ]);
    expect([...(keys?.wallets ?? [])]).toEqual([address('1'), address('2')]);
    expect(keys?.blockNumber).toBe(13);
  });

  it('adds what a rollback rebuilt, marked retracted, at the ancestor of a trailing reorg', () => {
    const reorg = {
      type: 'ReorgV1',
      chainId: 1,
      ancestor: { number: 9, hash: hash(9) },
      orphaned: [{ number: 10, hash: hash(10) }],
      depth: 1,
    } as CanonicalEvent;
    const retracted = {
      candles: [{ chainId: 1, pool: address('a'), from: 100, to: 220 }],
      wallets: [{ chainId: 1, wallet: address('3'), from: 100, to: 220 }],
    };
    const keys = updateKeysOf([trade(10, 90, address('a'), address('1')), reorg], retracted);
    expect(keys?.pools).toEqual([
      { pool: address('a'), from: 90, to: 90, retracted: false },
      { pool: address('a'), from: 100, to: 220, retracted: true },
    ]);
    expect([...(keys?.wallets ?? [])]).toEqual([address('1'), address('3')]);
    expect(keys?.blockNumber).toBe(9);
  });

  it('is undefined when nothing was traded or retracted', () => {
    const block = {
      type: 'BlockV1',
      chainId: 1,
      blockNumber: 5,
      blockHash: hash(5),
      parentHash: hash(4),
      timestamp: 1,
    };
    expect(updateKeysOf([block as CanonicalEvent], none)).toBeUndefined();
    expect(updateKeysOf([], none)).toBeUndefined();
  });
});

describe('bucketStarts', () => {
  it('lists the aligned starts of every bucket overlapping the span, capped', () => {
    expect(bucketStarts(119, 245, 60, 10)).toEqual([60, 120, 180, 240]);
    expect(bucketStarts(120, 120, 60, 10)).toEqual([120]);
    expect(bucketStarts(0, 86_400 * 5, 60, 3)).toEqual([0, 60, 120]);
  });
});
