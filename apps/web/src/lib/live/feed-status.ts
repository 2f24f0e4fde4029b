/** What the connection indicator shows; `live` means the trade subscription is up. */
export type FeedStatus = 'connecting' | 'live' | 'reconnecting';

/** What the WebSocket client reports about its connection. */
export type ConnectionEvent = 'connecting' | 'connected' | 'closed';

/**
 * Before the first connection succeeds the feed is `connecting`; once it has been live, any loss
 * of the connection reads `reconnecting` until the client is back.
 */
export function nextFeedStatus(current: FeedStatus, event: ConnectionEvent): FeedStatus {
  switch (event) {
    case 'connected':
      return 'live';
    case 'connecting':
    case 'closed':
      return current === 'connecting' ? 'connecting' : 'reconnecting';
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}
