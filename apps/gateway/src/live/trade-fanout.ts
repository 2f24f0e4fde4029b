import type { TradeFilter } from '@tidemark/domain';
import type { TradeView } from '../graphql/trades/trade-view';
import { SubscriberQueue } from './subscriber-queue';

function matches(filter: TradeFilter, trade: TradeView): boolean {
  return (
    (filter.chainId === undefined || filter.chainId === trade.chainId) &&
    (filter.pool === undefined || filter.pool === trade.pool) &&
    (filter.trader === undefined || filter.trader === trade.trader)
  );
}

interface Subscriber {
  filter: TradeFilter;
  queue: SubscriberQueue<TradeView>;
}

/**
 * In-memory fan-out of live trades to every subscription of this process. `publish` is
 * synchronous and never waits for a reader.
 */
export class TradeFanout {
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly queueLimit: number) {}

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  publish(trades: readonly TradeView[]): void {
    for (const trade of trades) {
      for (const subscriber of this.subscribers) {
        if (matches(subscriber.filter, trade)) subscriber.queue.push(trade);
      }
    }
  }

  /** A stream of the matching trades published from now on; `onOverflow` fires if its reader lags. */
  subscribe(filter: TradeFilter, onOverflow: () => void): AsyncIterableIterator<TradeView> {
    const subscriber: Subscriber = {
      filter,
      queue: new SubscriberQueue<TradeView>(this.queueLimit, onOverflow, () =>
        this.subscribers.delete(subscriber),
      ),
    };
    this.subscribers.add(subscriber);
    return subscriber.queue;
  }

  /** Ends every stream (shutdown). */
  endAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.queue.end();
  }
}
