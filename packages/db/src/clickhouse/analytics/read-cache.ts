import type { AnalyticsOlapStore } from '@tidemark/domain';

/**
 * Counts the writes finished through every analytics store on one engine. In chDB mode the engine
 * is the process's own (no other process can open its data dir) and every store on it shares one
 * client, so this counter sees every write to the analytics tables.
 */
export interface WriteGeneration {
  value: number;
}

const generations = new WeakMap<object, WriteGeneration>();

export function writeGenerationOf(client: object): WriteGeneration {
  let generation = generations.get(client);
  if (!generation) {
    generation = { value: 0 };
    generations.set(client, generation);
  }
  return generation;
}

interface Entry {
  generation: number;
  storedAt: number;
  value: Promise<unknown>;
}

/**
 * Answers of read queries, each valid only while no write has finished since its read began: a
 * write bumps the generation, which retires every entry, so an answer is never older than what the
 * store holds when it is served. Identical reads in flight share one query. Bounded in entries
 * (least recently used go first) and in age.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly generation: WriteGeneration,
    private readonly maxEntries = 20_000,
    private readonly maxAgeMs = 60_000,
  ) {}

  read<T>(key: string, run: () => Promise<T>): Promise<T> {
    const generation = this.generation.value;
    const now = Date.now();
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.generation === generation && now - hit.storedAt < this.maxAgeMs) {
      this.entries.set(key, hit); // most recently used last
      return hit.value as Promise<T>;
    }
    const value = run();
    const entry = { generation, storedAt: now, value };
    this.entries.set(key, entry);
    // A failed read is not kept: the next caller tries again.
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }
}

const HOUR = 3_600;
const MINUTE = 60;

/**
 * `now` floored to `unit` where the query's answer depends on `now` only through that floor (see
 * the notes in cachedReads), so requests a few seconds apart share an entry. A value that is not a
 * valid time stays as it is: the query rejects it, and a rejection is not kept.
 */
function floorNow(now: number, unit: number): number {
  return Number.isSafeInteger(now) && now >= 0 ? now - (now % unit) : now;
}

const keyOf = (name: string, args: unknown) => `${name}:${JSON.stringify(args)}`;

type Reads = Pick<
  AnalyticsOlapStore,
  | 'candles'
  | 'poolStats'
  | 'listPoolStats'
  | 'leaderboard'
  | 'walletActivity'
  | 'pnlHistory'
  | 'tokenPrice'
>;

/**
 * The store's read queries through `cache`. Leaderboards and wallet activity use `now` only through
 * its hour (windows are whole hours), pool stats only through its minute (prices are per minute,
 * the lookbacks whole minutes and the 24h window whole hours); other reads are keyed by every
 * argument.
 */
export function cachedReads(reads: Reads, cache: ReadCache): Reads {
  return {
    candles: (q) => cache.read(keyOf('candles', q), () => reads.candles(q)),
    poolStats: (chainId, pool, now) =>
      cache.read(keyOf('poolStats', [chainId, pool, floorNow(now, MINUTE)]), () =>
        reads.poolStats(chainId, pool, now),
      ),
    listPoolStats: (q) =>
      cache.read(keyOf('listPoolStats', { ...q, now: floorNow(q.now, MINUTE) }), () =>
        reads.listPoolStats(q),
      ),
    leaderboard: (q) =>
      cache.read(keyOf('leaderboard', { ...q, now: floorNow(q.now, HOUR) }), () =>
        reads.leaderboard(q),
      ),
    walletActivity: (q) =>
      cache.read(keyOf('walletActivity', { ...q, now: floorNow(q.now, HOUR) }), () =>
        reads.walletActivity(q),
      ),
    pnlHistory: (q) => cache.read(keyOf('pnlHistory', q), () => reads.pnlHistory(q)),
    tokenPrice: (chainId, token, atBlock) =>
      cache.read(keyOf('tokenPrice', [chainId, token, atBlock ?? null]), () =>
        reads.tokenPrice(chainId, token, atBlock),
      ),
  };
}
