import { describe, expect, it } from 'vitest';
import { DAY, HOUR, windowRanges } from './windows';

const midnight = 1_699_920_000;

describe('windowRanges', () => {
  it('reads 24 hours as hours, unless they make up exactly one UTC day', () => {
    const now = midnight + 10 * HOUR + 59;
    expect(windowRanges('24h', now)).toEqual({
      days: [0, 0],
      headHours: [midnight - 13 * HOUR, midnight + 11 * HOUR],
      tailHours: [midnight + 11 * HOUR, midnight + 11 * HOUR],
    });
    expect(windowRanges('24h', midnight + DAY - 1)).toEqual({
      days: [midnight, midnight + DAY],
      headHours: [midnight, midnight],
      tailHours: [midnight + DAY, midnight + DAY],
    });
  });

  it('splits 7d and 30d into whole days between the partial days at both ends', () => {
    const now = midnight + 12 * HOUR + 1_800;
    expect(windowRanges('7d', now)).toEqual({
      days: [midnight - 6 * DAY, midnight],
      headHours: [midnight - 7 * DAY + 13 * HOUR, midnight - 6 * DAY],
      tailHours: [midnight, midnight + 13 * HOUR],
    });
    const { days, headHours, tailHours } = windowRanges('30d', now);
    const hours = (r: readonly [number, number]) => (r[1] - r[0]) / HOUR;
    expect(hours(days) + hours(headHours) + hours(tailHours)).toBe(720);
    expect(headHours[0]).toBe(midnight + 13 * HOUR - 30 * DAY);
  });

  it('starts at the hour holding `now`, so a window always ends with the current hour', () => {
    expect(windowRanges('24h', midnight).headHours).toEqual([
      midnight - 23 * HOUR,
      midnight + HOUR,
    ]);
  });
});
