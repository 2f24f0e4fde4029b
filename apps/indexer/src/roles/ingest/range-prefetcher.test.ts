import { describe, expect, it } from 'vitest';
import { RangePrefetcher } from './range-prefetcher';

/** A fetch whose calls resolve only when the test says so, in any order. */
function controlledFetch() {
  const calls: {
    from: number;
    to: number;
    resolve: (v: string) => void;
    reject: (e: Error) => void;
  }[] = [];
  const fetch = (from: number, to: number) =>
    new Promise<string>((resolve, reject) => calls.push({ from, to, resolve, reject }));
  return { calls, fetch };
}

/** Reads start on a later turn of the event loop: this lets them start. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RangePrefetcher', () => {
  it('reads up to N ranges ahead and hands them out in order whatever order they finish in', async () => {
    const { calls, fetch } = controlledFetch();
    const ranges = new RangePrefetcher(fetch, { maxBlockRange: 10, concurrency: 3 });
    const first = ranges.take(0, 100);
    expect(calls).toHaveLength(0); // the caller's own work comes first
    await turn();
    expect(calls.map((c) => [c.from, c.to])).toEqual([
      [0, 9],
      [10, 19],
      [20, 29],
    ]);
    calls[2]?.resolve('c');
    calls[1]?.resolve('b');
    calls[0]?.resolve('a');
    expect(await first).toEqual({ fromBlock: 0, toBlock: 9, result: 'a' });
    await turn();
    expect(calls).toHaveLength(4); // one more read ahead once a slot freed
    expect(await ranges.take(10, 100)).toEqual({ fromBlock: 10, toBlock: 19, result: 'b' });
    expect(await ranges.take(20, 100)).toEqual({ fromBlock: 20, toBlock: 29, result: 'c' });
  });

  it('reads fewer ranges ahead when the ranges taken are dense, more when they are sparse', async () => {
    const { calls, fetch } = controlledFetch();
    const ranges = new RangePrefetcher(fetch, {
      maxBlockRange: 10,
      concurrency: 4,
      budget: 100,
      sizeOf: (result: string) => result.length,
    });
    const outstanding = () => calls.length - taken;
    let taken = 0;
    const take = async (from: number, size: number) => {
      const next = ranges.take(from, 1_000);
      await turn();
      calls[taken]?.resolve('x'.repeat(size));
      taken += 1;
      await next;
      await turn();
    };
    // Reads in flight are never cancelled; a smaller depth only holds back new ones.
    await take(0, 50); // 50 events a range: 100 / 50 = 2 ahead; 3 were in flight already
    expect(outstanding()).toBe(3);
    await take(10, 200); // denser than the budget: 1 ahead; none started
    expect(outstanding()).toBe(2);
    await take(20, 200);
    expect(outstanding()).toBe(1);
    await take(30, 5); // sparse: back to the full depth
    expect(outstanding()).toBe(4);
  });

  it('reads nothing past the head, so the hand-off to live following has no gap or overlap', async () => {
    const { calls, fetch } = controlledFetch();
    const ranges = new RangePrefetcher(fetch, { maxBlockRange: 10, concurrency: 4 });
    const taken = ranges.take(0, 14);
    await turn();
    expect(calls.map((c) => [c.from, c.to])).toEqual([
      [0, 9],
      [10, 14],
    ]);
    for (const c of calls) c.resolve(`${c.from}`);
    await taken;
    expect((await ranges.take(10, 14)).toBlock).toBe(14);
    const live = ranges.take(15, 16); // the head moved on by two blocks
    await turn();
    expect(calls.at(-1)).toMatchObject({ from: 15, to: 16 });
    calls.at(-1)?.resolve('live');
    expect(await live).toEqual({ fromBlock: 15, toBlock: 16, result: 'live' });
  });

  it('drops what it read ahead when asked for another block, and after a failed read', async () => {
    const { calls, fetch } = controlledFetch();
    const ranges = new RangePrefetcher(fetch, { maxBlockRange: 10, concurrency: 2 });
    const failing = ranges.take(0, 100);
    await turn();
    calls[1]?.resolve('stale');
    calls[0]?.reject(new Error('rpc down'));
    await expect(failing).rejects.toThrow('rpc down');
    const retried = ranges.take(0, 100);
    await turn();
    expect(calls.slice(2).map((c) => c.from)).toEqual([0, 10]);
    for (const c of calls.slice(2)) c.resolve(`fresh ${c.from}`);
    expect((await retried).result).toBe('fresh 0');
    const rewound = ranges.take(5, 100); // a reorg moved the next block back
    await turn();
    expect(calls.at(-2)).toMatchObject({ from: 5, to: 14 });
    for (const c of calls.slice(-2)) c.resolve(`after reorg ${c.from}`);
    expect(await rewound).toEqual({ fromBlock: 5, toBlock: 14, result: 'after reorg 5' });
    const shorter = ranges.take(15, 17); // the head went back below the range read ahead
    await turn();
    expect(calls.at(-1)).toMatchObject({ from: 15, to: 17 });
    calls.at(-1)?.resolve('re-read');
    expect(await shorter).toEqual({ fromBlock: 15, toBlock: 17, result: 're-read' });
  });
});
