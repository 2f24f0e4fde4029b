import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 100, maxMs: 1_000 };

  it('doubles per attempt between half and the whole step', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 0)).toBe(200);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
  });

  it('is capped at the maximum', () => {
    expect(backoffDelay(30, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(30, policy, () => 0)).toBe(500);
  });

  it('spreads with the random source', () => {
    const delays = new Set([0.1, 0.5, 0.9].map((r) => backoffDelay(4, policy, () => r)));
    expect(delays.size).toBe(3);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('Sun, 22 Nov 2026 05:00:00 GMT');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
  });

  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 05:00:07 GMT', now)).toBe(7_000);
  });

  it('never asks for a negative wait when the date is past', () => {
    expect(parseRetryAfter('Sun, 22 Nov 2026 04:59:00 GMT', now)).toBe(0);
  });

  it('is undefined when absent or unreadable', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});
