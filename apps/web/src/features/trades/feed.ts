import type { Trade } from './schemas';

/** How many trades the live feed keeps on screen. */
export const FEED_LIMIT = 100;

/** Newest first: by block time, then block, then position in the block; the id breaks ties. */
function compareNewestFirst(a: Trade, b: Trade): number {
  return (
    b.timestamp - a.timestamp ||
    b.blockNumber - a.blockNumber ||
    b.logIndex - a.logIndex ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Merges trades into the feed. The same trade can arrive twice (the initial query overlaps the
 * subscription, and delivery is at-least-once), so trades are keyed by id and the latest copy
 * wins. The result is sorted newest first and cut to `limit`.
 */
export function mergeTrades(
  current: readonly Trade[],
  incoming: readonly Trade[],
  limit: number = FEED_LIMIT,
): Trade[] {
  if (incoming.length === 0 && current.length <= limit) return [...current];
  const byId = new Map<string, Trade>();
  for (const trade of current) byId.set(trade.id, trade);
  for (const trade of incoming) byId.set(trade.id, trade);
  return [...byId.values()].sort(compareNewestFirst).slice(0, Math.max(0, limit));
}

/** What a `tradesRetracted` push says: these blocks of this chain were replaced by a reorg. */
export interface Retraction {
  chainId: number;
  blockHashes: readonly string[];
}

/** The block hash inside a trade id (`chainId:blockHash:txHash:logIndex`, as the API defines it). */
function blockHashOf(trade: Trade): string {
  return (trade.id.split(':')[1] ?? '').toLowerCase();
}

/** Drops the trades of blocks a reorg orphaned; the canonical ones arrive as new trades. */
export function retractTrades(current: readonly Trade[], retraction: Retraction): Trade[] {
  const orphaned = new Set(retraction.blockHashes.map((h) => h.toLowerCase()));
  return current.filter((t) => t.chainId !== retraction.chainId || !orphaned.has(blockHashOf(t)));
}
