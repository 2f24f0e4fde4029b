import { describe, expect, it } from 'vitest';
import { toCandleRange, toPnlRange } from './market-arguments';

const HOUR = 3_600;
const DAY = 86_400;
/** 12:30:15 UTC on a day. */
const now = 1_700_000_000 - (1_700_000_000 % DAY) + 12 * HOUR + 1_815;

describe('toCandleRange', () => {
  it('defaults to the `first` buckets ending with the one holding now', () => {
    const hourStart = now - (now % HOUR);
    expect(toCandleRange({ interval: '1h' }, 3, now)).toEqual({
      from: hourStart - 2 * HOUR,
      to: now + 1,
    });
  });

  it('counts back from an explicit `to`, whose own second is not included', () => {
    expect(toCandleRange({ interval: '5m', to: 6_000 }, 2, now)).toEqual({
      from: 5_400,
      to: 6_000,
    });
    // Never before the epoch.
    expect(toCandleRange({ interval: '1d', to: 100 }, 5, now)).toMatchObject({ from: 0 });
  });

  it('keeps an explicit range as given', () => {
    expect(toCandleRange({ interval: '1m', from: 10, to: 10 }, 1_000, now)).toEqual({
      from: 10,
      to: 10,
    });
  });

  it.each([
    [{ from: 5, to: 4 }, /"from" \(5\) is after "to" \(4\); swap them/],
    [{ to: -1 }, /"to" -1: expected Unix seconds/],
  ])('refuses %o', (args, message) => {
    expect(() => toCandleRange({ interval: '1m', ...args }, 10, now)).toThrow(message);
  });
});

describe('toPnlRange', () => {
  it('defaults to the 30 days up to now', () => {
    expect(toPnlRange({}, '1d', now)).toEqual({ from: now + 1 - 30 * DAY, to: now + 1 });
  });

  it('allows hourly buckets over at most 31 days, counted from the first bucket start', () => {
    const from = 31 * DAY + 1_800;
    expect(toPnlRange({ from, to: 62 * DAY }, '1h', now)).toEqual({ from, to: 62 * DAY });
    expect(() => toPnlRange({ from, to: 62 * DAY + 1 }, '1h', now)).toThrow(/at most 31 days/);
    expect(toPnlRange({ from: 0, to: 400 * DAY }, '1d', now)).toEqual({ from: 0, to: 400 * DAY });
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => toPnlRange({ from: 10, to: 9 }, '1d', now)).toThrow(/is after "to"/);
  });
});
