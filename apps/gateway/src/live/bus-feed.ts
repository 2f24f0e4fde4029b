import type { Logger } from 'pino';
import { Topics, type EventBus, type Subscription } from '@tidemark/domain';
import type { CanonicalEvent, ReorgV1 } from '@tidemark/schema';
import { toTradeView, type TradeView } from '../graphql/trades/trade-view';
import type { AnalyticsFanout } from './analytics-fanout';
import type { RetractionFanout, RetractionView } from './retraction-fanout';
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

function toRetractionView(reorg: ReorgV1): RetractionView {
  return {
    chainId: reorg.chainId,
    blockHashes: reorg.orphaned.map((b) => b.hash),
    ancestorBlock: reorg.ancestor.number,
  };
}

/**
 * The process's live listeners (no consumer group: they see events published after they started)
 * on the chain-events topic and the analytics-updates topic. The handlers only hand trades,
 * retractions and updates to the fan-outs, so they never wait for a subscriber.
 */
export async function startBusFeed(
  bus: EventBus,
  fanout: TradeFanout,
  retractions: RetractionFanout,
  updates: AnalyticsFanout,
  logger: Logger,
): Promise<BusFeed> {
  let live = false;
  const subscription: Subscription = await bus.subscribe({
    topic: Topics.chainEvents,
    group: undefined,
    handler: (events) => {
      // In bus order: a reorg's retraction reaches subscribers before the canonical trades.
      let start = 0;
      for (const [i, event] of events.entries()) {
        if (event.type !== 'ReorgV1') continue;
        const before = tradesOf(events.slice(start, i));
        if (before.length > 0) fanout.publish(before);
        retractions.publish(toRetractionView(event));
        start = i + 1;
      }
      const trades = tradesOf(events.slice(start));
      if (trades.length > 0) fanout.publish(trades);
      return Promise.resolve();
    },
  });
  const updatesSubscription = await bus
    .subscribe({
      topic: Topics.analyticsUpdates,
      group: undefined,
      handler: (events) => Promise.resolve(updates.publish(events)),
    })
    .catch(async (err: unknown) => {
      await subscription.unsubscribe();
      throw err;
    });
  live = true;
  logger.info(
    { event: 'live.bus_subscribed', topics: [Topics.chainEvents, Topics.analyticsUpdates] },
    'listening for live trades and analytics updates',
  );
  return {
    get live() {
      return live;
    },
    async stop() {
      if (!live) return;
      live = false;
      await Promise.all([subscription.unsubscribe(), updatesSubscription.unsubscribe()]);
    },
  };
}
