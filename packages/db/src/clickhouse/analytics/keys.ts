import type { AnalyticsKeys, CandleKey, PricedTrade, WalletKey } from '@tidemark/domain';
import { StoreInputError } from '../../errors';
import * as v from './values';

interface Span {
  chainId: number;
  id: string;
  from: number;
  to: number;
}

/**
 * One span per (chain, id) from the earliest to the latest instant. Rebuilds join trades to spans
 * by (chain, id), so two spans of one id would count a trade twice; a wider span only costs reads.
 */
function mergeSpans(spans: Iterable<Span>): Span[] {
  const merged = new Map<string, Span>();
  for (const span of spans) {
    const key = `${span.chainId}:${span.id}`;
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...span });
    else {
      seen.from = Math.min(seen.from, span.from);
      seen.to = Math.max(seen.to, span.to);
    }
  }
  return [...merged.values()];
}

function checkSpan(chainId: number, from: number, to: number, what: string): void {
  v.chainId(chainId, `${what}.chainId`);
  v.unixTime(from, `${what}.from`);
  v.unixTime(to, `${what}.to`);
  if (from > to) throw new StoreInputError(`${what}: from (${from}) is after to (${to})`);
}

export function mergeCandleKeys(keys: readonly CandleKey[]): CandleKey[] {
  const spans = keys.map((k) => {
    checkSpan(k.chainId, k.from, k.to, 'candle key');
    return { chainId: k.chainId, id: v.address(k.pool, 'candle key.pool'), from: k.from, to: k.to };
  });
  return mergeSpans(spans).map((s) => ({ chainId: s.chainId, pool: s.id, from: s.from, to: s.to }));
}

export function mergeWalletKeys(keys: readonly WalletKey[]): WalletKey[] {
  const spans = keys.map((k) => {
    checkSpan(k.chainId, k.from, k.to, 'wallet key');
    return {
      chainId: k.chainId,
      id: v.address(k.wallet, 'wallet key.wallet'),
      from: k.from,
      to: k.to,
    };
  });
  return mergeSpans(spans).map((s) => ({
    chainId: s.chainId,
    wallet: s.id,
    from: s.from,
    to: s.to,
  }));
}

/** What a batch of trades touches: each pool's and each trader's span of timestamps per chain. */
export function keysOfTrades(
  trades: readonly Pick<PricedTrade, 'chainId' | 'pool' | 'trader' | 'timestamp'>[],
): AnalyticsKeys {
  const at = (t: (typeof trades)[number], id: string): Span => ({
    chainId: t.chainId,
    id: id.toLowerCase(),
    from: t.timestamp,
    to: t.timestamp,
  });
  return {
    candles: mergeSpans(trades.map((t) => at(t, t.pool))).map((s) => ({
      chainId: s.chainId,
      pool: s.id,
      from: s.from,
      to: s.to,
    })),
    wallets: mergeSpans(trades.map((t) => at(t, t.trader))).map((s) => ({
      chainId: s.chainId,
      wallet: s.id,
      from: s.from,
      to: s.to,
    })),
  };
}

/** Keys in slices small enough for one statement's bound parameters. */
export function chunks<T>(items: readonly T[], size = 2000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
