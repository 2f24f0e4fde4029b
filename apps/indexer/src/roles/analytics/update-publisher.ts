import {
  CANDLE_INTERVALS,
  Topics,
  type AnalyticsOlapStore,
  type Candle,
  type CandleInterval,
  type EventBus,
} from '@tidemark/domain';
import type { AnalyticsUpdate, CandleUpdatedV1, WalletUpdatedV1 } from '@tidemark/schema';
import type { Logger } from 'pino';
import { bucketStarts, CANDLE_SECONDS, type PoolSpan, type UpdateKeys } from './update-keys';

/** The most candles one store read returns; longer spans are read page by page. */
const PAGE = 10_000;
/** Emptied buckets announced per span and interval; a reorg window spans far fewer. */
const MAX_EMPTIED = 10_000;
/** Store reads in flight at once while a batch's updates are gathered. */
const READS_IN_FLIGHT = 4;

export interface UpdatePublisherDeps {
  bus: EventBus;
  olap: AnalyticsOlapStore;
  logger: Logger;
}

/** Runs `work` over the items with at most `limit` calls in flight, results in item order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

function emptyCandle(chainId: number, pool: string, interval: CandleInterval, bucket: number) {
  const none = { openUsd: null, highUsd: null, lowUsd: null, closeUsd: null };
  const noQuote = { open: null, high: null, low: null, close: null };
  const zero = { volumeUsd: '0', baseVolume: '0', quoteVolume: '0' };
  const counts = { trades: 0, buys: 0, sells: 0, uniqueTraders: 0 };
  return { chainId, pool, interval, bucket, ...none, ...noQuote, ...zero, ...counts };
}

/**
 * Announces what a committed batch changed on the analytics-updates topic: every stored candle of
 * every interval over the touched spans of each pool (read back after the recompute, so the
 * figures are the store's), and each touched wallet's all-time totals on the chain. A bucket a
 * rollback emptied is announced with zero trades. Call it only after the batch's state commit.
 */
export class UpdatePublisher {
  constructor(private readonly deps: UpdatePublisherDeps) {}

  async publish(chainId: number, keys: UpdateKeys): Promise<void> {
    const spanReads = keys.pools.flatMap((span) =>
      CANDLE_INTERVALS.map((interval) => ({ span, interval })),
    );
    const candleLists = await mapLimited(spanReads, READS_IN_FLIGHT, ({ span, interval }) =>
      this.candlesOf(chainId, span, interval),
    );
    const candles = new Map<string, CandleUpdatedV1>();
    for (const candle of candleLists.flat()) {
      const id = `${candle.pool}:${candle.interval}:${candle.bucket}`;
      // A bucket read twice (a forward and a retracted span) is announced once, read as stored.
      if (candles.has(id) && candle.trades === 0) continue;
      const pool = candle.pool as CandleUpdatedV1['pool'];
      candles.set(id, { type: 'CandleUpdatedV1', ...candle, pool, blockNumber: keys.blockNumber });
    }
    const wallets = await mapLimited([...keys.wallets], READS_IN_FLIGHT, (wallet) =>
      this.walletOf(chainId, wallet, keys.blockNumber),
    );
    const updates: AnalyticsUpdate[] = [...candles.values(), ...wallets];
    if (updates.length === 0) return;
    await this.deps.bus.publish(Topics.analyticsUpdates, updates);
    this.deps.logger.debug(
      {
        event: 'analytics.updates_published',
        chainId,
        blockNumber: keys.blockNumber,
        candles: candles.size,
        wallets: wallets.length,
      },
      'candle and wallet updates published',
    );
  }

  /** The span's stored buckets of one interval, plus emptied ones where a rollback happened. */
  private async candlesOf(chainId: number, span: PoolSpan, interval: CandleInterval) {
    const seconds = CANDLE_SECONDS[interval];
    const stored: Candle[] = [];
    let from = span.from;
    for (;;) {
      const query = { chainId, pool: span.pool, interval, from, to: span.to + 1, limit: PAGE };
      const page = await this.deps.olap.candles(query);
      stored.push(...page);
      const last = page.at(-1);
      if (page.length < PAGE || last === undefined) break;
      from = last.bucket + seconds;
    }
    if (!span.retracted) return stored;
    const present = new Set(stored.map((c) => c.bucket));
    const emptied = bucketStarts(span.from, span.to, seconds, MAX_EMPTIED)
      .filter((bucket) => !present.has(bucket))
      .map((bucket) => emptyCandle(chainId, span.pool, interval, bucket));
    return [...stored, ...emptied];
  }

  private async walletOf(chainId: number, wallet: string, blockNumber: number) {
    const now = Math.floor(Date.now() / 1000);
    const activity = await this.deps.olap.walletActivity({ wallet, chainId, window: 'all', now });
    const { wallet: _wallet, ...totals } = activity;
    const update: WalletUpdatedV1 = {
      type: 'WalletUpdatedV1',
      chainId,
      wallet: wallet as WalletUpdatedV1['wallet'],
      blockNumber,
      totals,
    };
    return update;
  }
}
