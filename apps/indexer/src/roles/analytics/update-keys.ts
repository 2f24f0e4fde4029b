import type { AnalyticsKeys, CandleInterval } from '@tidemark/domain';
import type { CanonicalEvent } from '@tidemark/schema';

export const CANDLE_SECONDS: Record<CandleInterval, number> = {
  '1m': 60,
  '5m': 300,
  '15m': 900,
  '1h': 3_600,
  '4h': 14_400,
  '1d': 86_400,
};

/** A pool's span of trade times whose candles are announced; `retracted` spans may hold emptied buckets. */
export interface PoolSpan {
  pool: string;
  from: number;
  to: number;
  retracted: boolean;
}

/** What one batch of a chain announces: candles of these spans, these wallets' totals. */
export interface UpdateKeys {
  pools: PoolSpan[];
  wallets: Set<string>;
  /** The last block the batch applied, or the ancestor a trailing reorg rolled back to. */
  blockNumber: number;
}

function widen(spans: Map<string, PoolSpan>, pool: string, time: number, retracted: boolean) {
  const key = `${retracted}:${pool}`;
  const seen = spans.get(key);
  if (!seen) spans.set(key, { pool, from: time, to: time, retracted });
  else {
    seen.from = Math.min(seen.from, time);
    seen.to = Math.max(seen.to, time);
  }
}

/**
 * The keys come from the batch's trades themselves, not only from what was new in it, so a
 * redelivered batch (whose commit happened but whose announcement may not have) announces again.
 * Retractions add what the rollbacks rebuilt.
 */
export function updateKeysOf(
  events: readonly CanonicalEvent[],
  retracted: AnalyticsKeys,
): UpdateKeys | undefined {
  const last = events.at(-1);
  if (last === undefined) return undefined;
  const spans = new Map<string, PoolSpan>();
  const wallets = new Set<string>();
  for (const event of events) {
    if (event.type !== 'TradeExecutedV1') continue;
    widen(spans, event.pool, event.timestamp, false);
    wallets.add(event.trader);
  }
  for (const key of retracted.candles) {
    widen(spans, key.pool, key.from, true);
    widen(spans, key.pool, key.to, true);
  }
  for (const key of retracted.wallets) wallets.add(key.wallet);
  if (spans.size === 0 && wallets.size === 0) return undefined;
  const blockNumber = last.type === 'ReorgV1' ? last.ancestor.number : last.blockNumber;
  return { pools: [...spans.values()], wallets, blockNumber };
}

/** Start of every bucket of `seconds` overlapping [from, to], at most `max` of them (oldest first). */
export function bucketStarts(from: number, to: number, seconds: number, max: number): number[] {
  const starts: number[] = [];
  for (let start = from - (from % seconds); start <= to && starts.length < max; start += seconds)
    starts.push(start);
  return starts;
}
