import { describe, expect, it } from 'vitest';
import { CostRateLimiter } from './cost-rate-limiter';

const limiter = (costPerSecond = 10, burst = 100, maxSubjects = 1000) =>
  new CostRateLimiter({ costPerSecond, burst, maxSubjects });

describe('CostRateLimiter', () => {
  it('lets a subject spend its burst at once, then refuses with the wait until enough refills', () => {
    const rl = limiter();
    expect(rl.take('ip:10.0.0.1', 60, 0)).toEqual({ ok: true });
    expect(rl.take('ip:10.0.0.1', 40, 0)).toEqual({ ok: true });
    // Empty; 10 units need 1 s at 10 per second.
    expect(rl.take('ip:10.0.0.1', 10, 0)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(rl.take('ip:10.0.0.1', 10, 999)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(rl.take('ip:10.0.0.1', 10, 1000)).toEqual({ ok: true });
  });

  it('does not spend on a refusal, and waiting exactly the hint is enough', () => {
    const rl = limiter(3, 10);
    expect(rl.take('ip:a', 9.7, 0)).toEqual({ ok: true });
    const refused = rl.take('ip:a', 7, 0);
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.retryAfterMs).toBe(Math.ceil(((7 - 0.3) * 1000) / 3));
    // The refusal spent nothing: a smaller operation still fits.
    expect(rl.take('ip:a', 0.3, 0)).toEqual({ ok: true });
    const again = rl.take('ip:a', 7, 0);
    if (again.ok) throw new Error('expected a refusal');
    expect(rl.take('ip:a', 7, again.retryAfterMs)).toEqual({ ok: true });
  });

  it('refills no further than the burst', () => {
    const rl = limiter(10, 100);
    expect(rl.take('ip:a', 100, 0)).toEqual({ ok: true });
    // An hour idle still leaves only 100.
    expect(rl.take('ip:a', 100, 3_600_000)).toEqual({ ok: true });
    expect(rl.take('ip:a', 1, 3_600_000)).toEqual({ ok: false, retryAfterMs: 100 });
  });

  it('keeps one bucket per subject, keys and addresses apart', () => {
    const rl = limiter(10, 100);
    expect(rl.take('ip:10.0.0.1', 100, 0)).toEqual({ ok: true });
    expect(rl.take('ip:10.0.0.1', 1, 0).ok).toBe(false);
    expect(rl.take('ip:10.0.0.2', 100, 0)).toEqual({ ok: true });
    expect(rl.take('key:10.0.0.1', 100, 0)).toEqual({ ok: true });
  });

  it('charges a cost above the burst as the burst: it waits for a full bucket and empties it', () => {
    const rl = limiter(10, 100);
    expect(rl.take('ip:a', 50, 0)).toEqual({ ok: true });
    expect(rl.take('ip:a', 5000, 0)).toEqual({ ok: false, retryAfterMs: 5000 });
    expect(rl.take('ip:a', 5000, 5000)).toEqual({ ok: true });
    expect(rl.take('ip:a', 1, 5000).ok).toBe(false);
  });

  it('neither refills nor drains when the clock steps back', () => {
    const rl = limiter(10, 100);
    expect(rl.take('ip:a', 100, 10_000)).toEqual({ ok: true });
    expect(rl.take('ip:a', 10, 5_000)).toEqual({ ok: false, retryAfterMs: 1000 });
    // Time from 5 s to 10 s was already counted: nothing more has refilled at 10 s.
    expect(rl.take('ip:a', 10, 10_000)).toEqual({ ok: false, retryAfterMs: 1000 });
    expect(rl.take('ip:a', 10, 11_000)).toEqual({ ok: true });
  });

  it('drops buckets once they would be full again', () => {
    const rl = limiter(10, 100);
    rl.take('ip:a', 100, 0);
    rl.take('ip:b', 1, 5000);
    expect(rl.size).toBe(2);
    // At 10 s, a's bucket (empty at 0, refilled by 10 s) is full again; b's is not.
    rl.take('ip:c', 1, 10_000);
    expect(rl.size).toBe(2);
    expect(rl.take('ip:a', 100, 10_000)).toEqual({ ok: true });
  });

  it('forgets the least recently seen subject past the cap', () => {
    const rl = limiter(1, 100, 2);
    rl.take('ip:a', 100, 0);
    rl.take('ip:b', 100, 1);
    // a is seen again, so b is now the least recent.
    rl.take('ip:a', 0, 2);
    rl.take('ip:c', 100, 3);
    expect(rl.size).toBe(2);
    // a was kept and is still empty; b was forgotten and starts over full.
    expect(rl.take('ip:a', 50, 4).ok).toBe(false);
    expect(rl.take('ip:b', 100, 5)).toEqual({ ok: true });
    expect(rl.size).toBe(2);
  });

  it('rejects settings that cannot work', () => {
    expect(() => limiter(0)).toThrow(/costPerSecond must be a positive number \(got 0\)/);
    expect(() => limiter(1, -5)).toThrow(/burst must be a positive number/);
    expect(() => limiter(1, 1, 0)).toThrow(/maxSubjects must be a positive integer/);
  });
});
