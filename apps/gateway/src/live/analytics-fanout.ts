import type { ActivityWindow, CandleInterval } from '@tidemark/domain';
import type { AnalyticsUpdate, CandleUpdatedV1, WalletUpdatedV1 } from '@tidemark/schema';
import { SubscriberQueue } from './subscriber-queue';

/** The API's `CandleUpdate`: the bucket's whole candle, as the analytics role stored it. */
export interface CandleUpdateView {
  chainId: number;
  pool: string;
  interval: CandleInterval;
  blockNumber: number;
  candle: Omit<
    CandleUpdatedV1,
    'type' | 'chainId' | 'pool' | 'interval' | 'bucket' | 'blockNumber'
  > & {
    time: number;
  };
}

/** The API's `WalletUpdate`: the wallet's all-time totals on one chain. */
export interface WalletUpdateView {
  address: string;
  chainId: number;
  blockNumber: number;
  totals: WalletUpdatedV1['totals'] & { window: ActivityWindow };
}

function toCandleView(update: CandleUpdatedV1): CandleUpdateView {
  const { type: _type, chainId, pool, interval, bucket, blockNumber, ...figures } = update;
  return { chainId, pool, interval, blockNumber, candle: { time: bucket, ...figures } };
}

function toWalletView(update: WalletUpdatedV1): WalletUpdateView {
  const { chainId, wallet, blockNumber, totals } = update;
  return { address: wallet, chainId, blockNumber, totals: { window: 'all', ...totals } };
}

const candleKey = (chainId: number, pool: string, interval: CandleInterval) =>
  `${chainId}:${pool}:${interval}`;

interface WalletSubscriber {
  chainId: number | undefined;
  queue: SubscriberQueue<WalletUpdateView>;
}

/**
 * In-memory fan-out of the analytics updates to `candleUpdated` and `walletUpdated` subscriptions.
 * Subscribers are indexed by what they follow, so an update reaches only its own; each update
 * becomes its API shape once, shared by all of them. `publish` never waits for a reader.
 */
export class AnalyticsFanout {
  private readonly candles = new Map<string, Set<SubscriberQueue<CandleUpdateView>>>();
  private readonly wallets = new Map<string, Set<WalletSubscriber>>();

  constructor(private readonly queueLimit: number) {}

  publish(updates: readonly AnalyticsUpdate[]): void {
    for (const update of updates) {
      if (update.type === 'CandleUpdatedV1') {
        const key = candleKey(update.chainId, update.pool, update.interval);
        const queues = this.candles.get(key);
        if (queues === undefined) continue;
        const view = toCandleView(update);
        for (const queue of queues) queue.push(view);
      } else {
        const subscribers = this.wallets.get(update.wallet);
        if (subscribers === undefined) continue;
        const view = toWalletView(update);
        for (const s of subscribers)
          if (s.chainId === undefined || s.chainId === update.chainId) s.queue.push(view);
      }
    }
  }

  /** `pool` lower case (the Address scalar's form). */
  subscribeCandles(
    follow: { chainId: number; pool: string; interval: CandleInterval },
    onOverflow: () => void,
  ): AsyncIterableIterator<CandleUpdateView> {
    const key = candleKey(follow.chainId, follow.pool, follow.interval);
    const queues = this.candles.get(key) ?? new Set();
    this.candles.set(key, queues);
    const queue = new SubscriberQueue<CandleUpdateView>(this.queueLimit, onOverflow, () => {
      queues.delete(queue);
      if (queues.size === 0) this.candles.delete(key);
    });
    queues.add(queue);
    return queue;
  }

  /** `address` lower case; without `chainId`, the wallet's updates of every chain. */
  subscribeWallet(
    follow: { address: string; chainId: number | undefined },
    onOverflow: () => void,
  ): AsyncIterableIterator<WalletUpdateView> {
    const subscribers = this.wallets.get(follow.address) ?? new Set();
    this.wallets.set(follow.address, subscribers);
    const subscriber: WalletSubscriber = {
      chainId: follow.chainId,
      queue: new SubscriberQueue<WalletUpdateView>(this.queueLimit, onOverflow, () => {
        subscribers.delete(subscriber);
        if (subscribers.size === 0) this.wallets.delete(follow.address);
      }),
    };
    subscribers.add(subscriber);
    return subscriber.queue;
  }

  /** Ends every stream (shutdown). */
  endAll(): void {
    for (const queues of [...this.candles.values()]) for (const q of [...queues]) q.end();
    for (const subs of [...this.wallets.values()]) for (const s of [...subs]) s.queue.end();
  }
}
