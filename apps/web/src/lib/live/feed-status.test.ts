import { describe, expect, it } from 'vitest';
import { nextFeedStatus, type ConnectionEvent, type FeedStatus } from './feed-status';

function replay(events: ConnectionEvent[]): FeedStatus[] {
  const seen: FeedStatus[] = [];
  let status: FeedStatus = 'connecting';
  for (const event of events) {
    status = nextFeedStatus(status, event);
    seen.push(status);
  }
  return seen;
}

describe('nextFeedStatus', () => {
  it('stays connecting while the first attempts fail', () => {
    expect(replay(['connecting', 'closed', 'connecting', 'closed'])).toEqual([
      'connecting',
      'connecting',
      'connecting',
      'connecting',
    ]);
  });

  it('goes live on connection and reconnecting when the connection drops', () => {
    expect(replay(['connecting', 'connected', 'closed', 'connecting', 'connected'])).toEqual([
      'connecting',
      'live',
      'reconnecting',
      'reconnecting',
      'live',
    ]);
  });
});
