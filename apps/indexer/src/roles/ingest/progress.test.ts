import { describe, expect, it } from 'vitest';
import { formatProgress, ProgressTracker } from './progress';

describe('ProgressTracker', () => {
  it('reports head, ingested block, lag and events per second over a 10 s window', () => {
    let now = 0;
    const tracker = new ProgressTracker(() => now);
    tracker.register(1, 'ethereum');
    tracker.head(1, 120);
    tracker.ingested(1, 100, 50);
    now = 5_000;
    tracker.ingested(1, 110, 50);
    expect(tracker.snapshot()[0]).toMatchObject({
      head: 120,
      ingested: 110,
      lag: 10,
      eventsPerSecond: 10,
      totalEvents: 100,
    });
    now = 12_000; // the first sample left the window
    expect(tracker.snapshot()[0]?.eventsPerSecond).toBe(5);
    expect(formatProgress(tracker.snapshot())).toBe(
      'ethereum (1) head 120 indexed 110 events/s 5.0 lag 10',
    );
  });
});

describe('ProgressTracker reorg counters', () => {
  it('counts reorgs, moves the ingested block back and counts reorgs too deep', () => {
    const tracker = new ProgressTracker(() => 0);
    tracker.register(1, 'ethereum');
    tracker.ingested(1, 100, 5);
    tracker.reorg(1, 97);
    tracker.reorgTooDeep(1);
    expect(tracker.snapshot()[0]).toMatchObject({ ingested: 97, reorgs: 1, reorgsTooDeep: 1 });
  });
});
