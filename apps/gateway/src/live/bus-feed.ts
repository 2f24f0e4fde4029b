import type { Logger } from 'pino';
import { Topics, type EventBus, type Subscription } from '@tidemark/domain';
import type { CanonicalEvent } from '@tidemark/schema';
import { toTradeView, type TradeView } from '../graphql/trade-view';
import type { TradeFanout } from './trade-fanout';

export interface BusFeed {
  /** True while the live bus subscription is up. */
  readonly live: boolean;
  stop(): Promise<void>;
}

function tradesOf(events: readonly CanonicalEvent[]): TradeView[] {
  const trades: TradeView[] = [];
  for (const event of events) {
    // Each trade becomes its API shape once here, shared by every subscriber.
    if (event.type === 'TradeExecutedV1') trades.push(toTradeView(event));
  }
  return trades;
}

/**
 * The process's one live listener on the chain-events topic (no consumer group: it sees events
 * published after it started). The handler only hands trades to the fan-out, so it never waits
 * for a subscriber.
 */
export async function startBusFeed(
  bus: EventBus,
  fanout: TradeFanout,
  logger: Logger,
): Promise<BusFeed> {
  let live = false;
  const subscription: Subscription = await bus.subscribe({
    topic: Topics.chainEvents,
    group: undefined,
    handler: (events) => {
      const trades = tradesOf(events);
      if (trades.length > 0) fanout.publish(trades);
      return Promise.resolve();
    },
  });
  live = true;
  logger.info(
    { event: 'live.bus_subscribed', topic: Topics.chainEvents },
    'listening for live trades',
  );
  return {
    get live() {
      return live;
    },
    async stop() {
      if (!live) return;
      live = false;
      await subscription.unsubscribe();
    },
  };
}
