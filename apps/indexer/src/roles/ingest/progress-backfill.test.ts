import { describe, expect, it } from 'vitest';
import { formatBackfill, ProgressTracker } from './progress';

describe('the backfill progress line', () => {
  it('reports blocks/s, events/s and the time left to reach the head', () => {
    let now = 0;
    const tracker = new ProgressTracker(() => now);
    tracker.register(1, 'ethereum');
    tracker.head(1, 1_000);
    tracker.ingested(1, 99, 0); // the first range only sets the starting point
    now = 4_000;
    tracker.ingested(1, 299, 40_000);
    now = 8_000;
    tracker.ingested(1, 499, 60_000);
    expect(tracker.snapshot()[0]).toMatchObject({ blocksPerSecond: 40, eventsPerSecond: 10_000 });
    expect(tracker.snapshot()[0]?.etaSeconds).toBeCloseTo(501 / 40);
    expect(formatBackfill(tracker.snapshot())).toBe(
      'ethereum (1) block 499/1000 blocks/s 40.0 events/s 10000.0 eta 13s',
    );
  });
});
