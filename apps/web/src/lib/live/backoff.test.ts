import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  const noJitter = (): number => 0;

  it('doubles from half a second', () => {
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n, noJitter))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than the cap plus jitter, however many retries', () => {
    expect(retryDelayMs(4, noJitter)).toBe(5000);
    expect(retryDelayMs(1_000_000, noJitter)).toBe(5000);
    expect(retryDelayMs(1_000_000, () => 0.999)).toBe(5499);
  });

  it('adds jitter below half a second', () => {
    expect(retryDelayMs(0, () => 0.5)).toBe(750);
  });
});
