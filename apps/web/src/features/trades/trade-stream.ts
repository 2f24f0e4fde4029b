import type { Client, FormattedExecutionResult } from 'graphql-ws';
import {
  RECENT_TRADES_QUERY,
  TRADE_EXECUTED_SUBSCRIPTION,
  TRADES_RETRACTED_SUBSCRIPTION,
} from './documents';
import type { RecentTradesQueryVariables } from '../../lib/api/generated/operations';
import { queryGateway } from '../../lib/api/http-client';
import {
  recentTradesDataSchema,
  tradeExecutedDataSchema,
  tradesRetractedDataSchema,
  type Trade,
} from './schemas';
import { FEED_LIMIT, type Retraction } from './feed';
import { nextFeedStatus, type ConnectionEvent, type FeedStatus } from '../../lib/live/feed-status';
import { createReconnectingClient, describeStreamError } from '../../lib/live/reconnecting-client';

export interface TradeStreamOptions {
  httpUrl: string;
  wsUrl: string;
}

export interface TradeStreamHandlers {
  onStatus: (status: FeedStatus) => void;
  /** New or recent trades, in any order and possibly repeated: the caller merges by id. */
  onTrades: (trades: Trade[]) => void;
  /** A reorg replaced these blocks: their trades are void. */
  onRetraction: (retraction: Retraction) => void;
  /** The latest problem worth showing, or null once things work again. */
  onProblem: (message: string | null) => void;
}

// A subscription the server ended or rejected is opened again after this pause.
const RESUBSCRIBE_MS = 3_000;

const describeError = describeStreamError;

/** One trade from a subscription result, or a description of what was wrong with it. */
function readTradeResult(
  result: FormattedExecutionResult<Record<string, unknown>, unknown>,
): Trade | string {
  if (result.errors !== undefined && result.errors.length > 0) return describeError(result.errors);
  const parsed = tradeExecutedDataSchema.safeParse(result.data);
  return parsed.success ? parsed.data.tradeExecuted : 'a trade had an unexpected shape';
}

/**
 * Follows the trade feed: subscribes to `tradeExecuted` over graphql-ws and, each time the socket
 * (re)connects, loads the newest trades over HTTP so trades missed while away still show.
 */
class TradeStream {
  private status: FeedStatus = 'connecting';
  private closed = false;
  private resubscribeTimer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: () => void = () => undefined;
  private unsubscribeRetractions: () => void = () => undefined;
  private readonly history = new AbortController();
  private readonly client: Client;

  constructor(
    private readonly options: TradeStreamOptions,
    private readonly handlers: TradeStreamHandlers,
  ) {
    this.client = createReconnectingClient(options.wsUrl, (event) => this.onConnection(event));
    this.subscribe();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.resubscribeTimer);
    this.history.abort();
    this.unsubscribe();
    this.unsubscribeRetractions();
    void this.client.dispose();
  }

  private onConnection(event: ConnectionEvent): void {
    if (this.closed) return;
    this.status = nextFeedStatus(this.status, event);
    this.handlers.onStatus(this.status);
    if (event === 'connected') {
      this.handlers.onProblem(null);
      void this.loadRecent();
    }
  }

  private subscribe(): void {
    this.unsubscribeRetractions();
    this.subscribeRetractions();
    this.unsubscribe = this.client.subscribe(
      { query: TRADE_EXECUTED_SUBSCRIPTION },
      {
        next: (result) => {
          const trade = readTradeResult(result);
          if (typeof trade === 'string') this.handlers.onProblem(`subscription: ${trade}`);
          else this.handlers.onTrades([trade]);
        },
        error: (error) => {
          if (!this.closed) this.handlers.onProblem(`subscription: ${describeError(error)}`);
          this.scheduleResubscribe();
        },
        complete: () => this.scheduleResubscribe(),
      },
    );
  }

  private subscribeRetractions(): void {
    this.unsubscribeRetractions = this.client.subscribe(
      { query: TRADES_RETRACTED_SUBSCRIPTION },
      {
        next: (result) => {
          const parsed = tradesRetractedDataSchema.safeParse(result.data);
          if (parsed.success) this.handlers.onRetraction(parsed.data.tradesRetracted);
          else this.handlers.onProblem('subscription: a retraction had an unexpected shape');
        },
        // The trade subscription reports connection trouble and drives the resubscription.
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }

  private scheduleResubscribe(): void {
    if (this.closed) return;
    this.onConnection('closed');
    clearTimeout(this.resubscribeTimer);
    this.resubscribeTimer = setTimeout(() => this.subscribe(), RESUBSCRIBE_MS);
  }

  private async loadRecent(): Promise<void> {
    try {
      const data = await queryGateway({
        url: this.options.httpUrl,
        query: RECENT_TRADES_QUERY,
        variables: { first: FEED_LIMIT } satisfies RecentTradesQueryVariables,
        schema: recentTradesDataSchema,
        signal: this.history.signal,
      });
      if (!this.closed) this.handlers.onTrades(data.trades.edges.map((edge) => edge.node));
    } catch (error) {
      if (!this.closed) this.handlers.onProblem(`recent trades: ${describeError(error)}`);
    }
  }
}

/** Opens the live trade feed; it reconnects forever. Returns a function that closes it. */
export function openTradeStream(
  options: TradeStreamOptions,
  handlers: TradeStreamHandlers,
): () => void {
  const stream = new TradeStream(options, handlers);
  return () => stream.close();
}
