import type { Client } from 'graphql-ws';
import { TRADES_RETRACTED_SUBSCRIPTION } from '../trades/documents';
import { WATCHLIST_TRADES_SUBSCRIPTION } from './documents';
import { watchlistTradesDataSchema } from './schemas';
import { tradesRetractedDataSchema, type Trade } from '../trades/schemas';
import type { Retraction } from '../trades/feed';
import { nextFeedStatus, type FeedStatus } from '../../lib/live/feed-status';
import {
  createReconnectingClient,
  describeStreamError,
  isUnauthenticated,
} from '../../lib/live/reconnecting-client';

export interface WatchlistStreamHandlers {
  onStatus: (status: FeedStatus) => void;
  onTrade: (trade: Trade) => void;
  onRetraction: (retraction: Retraction) => void;
  onProblem: (message: string | null) => void;
  /** The gateway no longer accepts the session: the stream has stopped for good. */
  onSessionEnded: () => void;
}

const RESUBSCRIBE_MS = 3_000;

/**
 * The signed-in user's `watchlistTrades`, on a connection of its own: the gateway knows the
 * viewer of a graphql-ws connection from the cookie sent when it opened, so this one is opened
 * after sign-in (and closed at sign-out) rather than sharing the public feed's connection.
 */
class WatchlistStream {
  private status: FeedStatus = 'connecting';
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stops: (() => void)[] = [];
  private readonly client: Client;

  constructor(
    wsUrl: string,
    private readonly handlers: WatchlistStreamHandlers,
  ) {
    this.client = createReconnectingClient(
      wsUrl,
      (event) => {
        if (this.closed) return;
        this.status = nextFeedStatus(this.status, event);
        handlers.onStatus(this.status);
        if (event === 'connected') handlers.onProblem(null);
      },
      () => this.end(),
    );
    this.subscribe();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const stop of this.stops) stop();
    void this.client.dispose();
  }

  private end(): void {
    if (this.closed) return;
    this.close();
    this.handlers.onSessionEnded();
  }

  private subscribe(): void {
    for (const stop of this.stops) stop();
    this.stops = [
      this.client.subscribe(
        { query: WATCHLIST_TRADES_SUBSCRIPTION },
        {
          next: (result) => {
            if (isUnauthenticated(result.errors)) return this.end();
            const parsed = watchlistTradesDataSchema.safeParse(result.data);
            if (parsed.success) this.handlers.onTrade(parsed.data.watchlistTrades);
            else this.handlers.onProblem('watchlist feed: a trade had an unexpected shape');
          },
          error: (error) => {
            if (isUnauthenticated(error)) return this.end();
            if (!this.closed)
              this.handlers.onProblem(`watchlist feed: ${describeStreamError(error)}`);
            this.scheduleResubscribe();
          },
          complete: () => this.scheduleResubscribe(),
        },
      ),
      this.client.subscribe(
        { query: TRADES_RETRACTED_SUBSCRIPTION },
        {
          next: (result) => {
            const parsed = tradesRetractedDataSchema.safeParse(result.data);
            if (parsed.success) this.handlers.onRetraction(parsed.data.tradesRetracted);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      ),
    ];
  }

  private scheduleResubscribe(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.subscribe(), RESUBSCRIBE_MS);
  }
}

/** Opens the signed-in user's live watchlist feed. Returns a function that closes it. */
export function openWatchlistStream(wsUrl: string, handlers: WatchlistStreamHandlers): () => void {
  const stream = new WatchlistStream(wsUrl, handlers);
  return () => stream.close();
}
