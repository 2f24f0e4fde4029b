import { describe, expect, it } from 'vitest';
import { AdaptiveRange } from './adaptive-range';
import { RpcFailure } from './endpoints/rpc-errors';

/** A provider that refuses ranges wider than `limit` blocks, and records what it was asked. */
function provider(limit: number) {
  const asked: [number, number][] = [];
  const fetch = (from: number, to: number): Promise<number[]> => {
    asked.push([from, to]);
    if (to - from + 1 > limit)
      return Promise.reject(new RpcFailure('query returned more than 10000 results', 'range'));
    return Promise.resolve(Array.from({ length: to - from + 1 }, (_, i) => from + i));
  };
  return { asked, fetch };
}

describe('AdaptiveRange', () => {
  it('splits a refused range and still returns every block once, in order', async () => {
    const range = new AdaptiveRange(1000);
    const p = provider(100);
    const blocks = await range.collect(1, 1000, p.fetch);
    expect(blocks).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(p.asked[0]).toEqual([1, 1000]);
    expect(p.asked[1]).toEqual([1, 500]);
    // It probes upwards now and then, but most requests fit the provider's limit.
    const refused = p.asked.filter(([a, b]) => b - a + 1 > 100).length;
    expect(refused).toBeLessThanOrEqual(p.asked.length / 3);
  });

  it('grows back gradually after successes, never past the maximum', async () => {
    const range = new AdaptiveRange(64, 1);
    const narrow = provider(4);
    await range.collect(0, 63, narrow.fetch);
    const small = range.currentSpan;
    expect(small).toBeLessThanOrEqual(8);
    const wide = provider(1_000);
    await range.collect(64, 127, wide.fetch);
    expect(range.currentSpan).toBeGreaterThan(small);
    const spans = wide.asked.map(([a, b]) => b - a + 1);
    // Each step grows by at most half: no jump straight back to the maximum.
    for (let i = 1; i < spans.length - 1; i += 1)
      expect(spans[i]).toBeLessThanOrEqual(Math.ceil((spans[i - 1] ?? 0) * 1.5));
    await range.collect(128, 1_000, wide.fetch);
    expect(range.currentSpan).toBe(64);
  });

  it('gives up on a single block the provider refuses, and passes other errors through', async () => {
    const range = new AdaptiveRange(8);
    await expect(range.collect(5, 5, provider(0).fetch)).rejects.toMatchObject({ kind: 'range' });
    const boom = () => Promise.reject(new RpcFailure('HTTP 503', 'server'));
    await expect(range.collect(0, 7, boom)).rejects.toMatchObject({ kind: 'server' });
  });
});
