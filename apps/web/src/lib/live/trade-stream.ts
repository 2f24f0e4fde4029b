import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { RECENT_TRADES_QUERY, TRADE_EXECUTED_SUBSCRIPTION } from '../api/documents';
import { queryGateway } from '../api/http-client';
import { recentTradesDataSchema, tradeExecutedDataSchema, type Trade } from '../api/schemas';
import { FEED_LIMIT } from '../feed';
import { retryDelayMs } from './backoff';
import { nextFeedStatus, type ConnectionEvent, type FeedStatus } from './feed-status';

export interface TradeStreamOptions {
  httpUrl: string;
  wsUrl: string;
}

export interface TradeStreamHandlers {
  onStatus: (status: FeedStatus) => void;
  /** New or recent trades, in any order and possibly repeated: the caller merges by id. */
  onTrades: (trades: Trade[]) => void;
  /** The latest problem worth showing, or null once things work again. */
  onProblem: (message: string | null) => void;
}

// A subscription the server ended or rejected is opened again after this pause.
const RESUBSCRIBE_MS = 3_000;

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message ?? 'error').join('; ');
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return `connection closed (${String(error.code)})`;
  }
  return 'connection failed';
}

/**
 * Follows the trade feed: subscribes to `tradeExecuted` over graphql-ws and, each time the socket
 * (re)connects, loads the newest trades over HTTP so nothing missed while away stays missing.
 * Reconnects forever. Returns a function that closes everything.
 */
export function openTradeStream(options: TradeStreamOptions, handlers: TradeStreamHandlers): () => void {
  let status: FeedStatus = 'connecting';
  let closed = false;
  let resubscribeTimer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe: () => void = () => undefined;
  const history = new AbortController();

  const report = (event: ConnectionEvent): void => {
    if (closed) return;
    status = nextFeedStatus(status, event);
    handlers.onStatus(status);
  };

  const loadRecent = async (): Promise<void> => {
    try {
      const data = await queryGateway({
        url: options.httpUrl,
        query: RECENT_TRADES_QUERY,
        variables: { first: FEED_LIMIT },
        schema: recentTradesDataSchema,
        signal: history.signal,
      });
      if (!closed) handlers.onTrades(data.trades.edges.map((edge) => edge.node));
    } catch (error) {
      if (!closed) handlers.onProblem(`recent trades: ${describe(error)}`);
    }
  };

  const client: Client = createClient({
    url: options.wsUrl,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    keepAlive: 10_000,
    on: {
      connecting: () => report('connecting'),
      connected: () => {
        report('connected');
        handlers.onProblem(null);
        void loadRecent();
      },
      closed: () => report('closed'),
    },
  });

  const onResult = (result: FormattedExecutionResult): void => {
    if (result.errors !== undefined && result.errors.length > 0) {
      handlers.onProblem(`subscription: ${describe(result.errors)}`);
      return;
    }
    const parsed = tradeExecutedDataSchema.safeParse(result.data);
    if (parsed.success) handlers.onTrades([parsed.data.tradeExecuted]);
    else handlers.onProblem('subscription: a trade had an unexpected shape');
  };

  const subscribe = (): void => {
    unsubscribe = client.subscribe(
      { query: TRADE_EXECUTED_SUBSCRIPTION },
      {
        next: onResult,
        error: (error) => {
          handlers.onProblem(`subscription: ${describe(error)}`);
          scheduleResubscribe();
        },
        complete: () => scheduleResubscribe(),
      },
    );
  };

  const scheduleResubscribe = (): void => {
    if (closed) return;
    report('closed');
    clearTimeout(resubscribeTimer);
    resubscribeTimer = setTimeout(subscribe, RESUBSCRIBE_MS);
  };

  subscribe();
  return () => {
    closed = true;
    clearTimeout(resubscribeTimer);
    history.abort();
    unsubscribe();
    void client.dispose();
  };
}
