import type { LeaderboardPage, PoolStats } from '@tidemark/domain';
import { describe, expect, it } from 'vitest';
import { ReadCache, cachedReads, writeGenerationOf } from './read-cache';

function counter<T>(answer: (n: number) => T) {
  let calls = 0;
  return {
    run: () => {
      calls += 1;
      return Promise.resolve(answer(calls));
    },
    calls: () => calls,
  };
}

describe('ReadCache', () => {
  it('answers again from memory until a write finishes, then reads afresh', async () => {
    const generation = writeGenerationOf({});
    const cache = new ReadCache(generation);
    const read = counter((n) => n);
    expect(await cache.read('k', read.run)).toBe(1);
    expect(await cache.read('k', read.run)).toBe(1);
    generation.value += 1;
    expect(await cache.read('k', read.run)).toBe(2);
    expect(await cache.read('other', read.run)).toBe(3);
    expect(read.calls()).toBe(3);
  });

  it('shares a read in flight, but not with callers after a write', async () => {
    const generation = { value: 0 };
    const cache = new ReadCache(generation);
    let release: (value: string) => void = () => undefined;
    const first = cache.read('k', () => new Promise<string>((resolve) => (release = resolve)));
    const joined = cache.read('k', () => Promise.resolve('second'));
    generation.value += 1; // a write finished while the first read ran
    const after = cache.read('k', () => Promise.resolve('third'));
    release('first');
    expect([await first, await joined, await after]).toEqual(['first', 'first', 'third']);
  });

  it('does not keep a failed read, and drops the least recently used entry past its size', async () => {
    const cache = new ReadCache({ value: 0 }, 2);
    await expect(cache.read('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cache.read('bad', () => Promise.resolve('ok'))).toBe('ok');
    await cache.read('b', () => Promise.resolve('b'));
    await cache.read('bad', () => Promise.resolve('unused')); // touches 'bad'
    await cache.read('c', () => Promise.resolve('c')); // evicts 'b'
    expect(await cache.read('b', () => Promise.resolve('b again'))).toBe('b again');
  });

  it("keys leaderboards by now's hour and pool stats by its minute, other reads by every argument", async () => {
    const boards = counter((): LeaderboardPage => ({ entries: [], hasNextPage: false }));
    const stats = counter((): PoolStats | null => null);
    const fail = () => Promise.reject(new Error('not read here'));
    const reads = cachedReads(
      {
        leaderboard: boards.run,
        poolStats: stats.run,
        candles: fail,
        listPoolStats: fail,
        walletActivity: fail,
        pnlHistory: fail,
        tokenPrice: fail,
      },
      new ReadCache({ value: 0 }),
    );
    const board = { metric: 'volume', window: '24h', first: 10 } as const;
    await reads.leaderboard({ ...board, now: 7_200 });
    await reads.leaderboard({ ...board, now: 10_799 });
    await reads.leaderboard({ ...board, now: 10_800 });
    await reads.poolStats(1, '0xpool', 600);
    await reads.poolStats(1, '0xpool', 659);
    await reads.poolStats(1, '0xpool', 660);
    expect([boards.calls(), stats.calls()]).toEqual([2, 2]);
  });
});
