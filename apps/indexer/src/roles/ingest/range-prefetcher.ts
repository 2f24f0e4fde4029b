/** Ranges read ahead while backfilling: enough to keep the bus busy without holding much memory. */
export const DEFAULT_PREFETCH_RANGES = 4;
/** Events held in ranges read ahead, at most: dense ranges are read fewer at a time. */
export const DEFAULT_PREFETCH_EVENTS = 20_000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One block range and what reading it produced. */
export interface FetchedRange<T> {
  fromBlock: number;
  toBlock: number;
  result: T;
}

interface Pending<T> {
  fromBlock: number;
  toBlock: number;
  promise: Promise<T>;
}

export interface RangePrefetcherOptions<T> {
  /** The widest range read at once. */
  maxBlockRange: number;
  /** Ranges read concurrently ahead of the one being published (1 = no read-ahead). */
  concurrency: number;
  /**
   * With `sizeOf`: how many items (events) ranges read ahead may hold. The next read-ahead depth
   * is this budget over the size of the range just taken, between 1 and `concurrency`.
   */
  budget?: number;
  sizeOf?: (result: T) => number;
}

/**
 * Reads block ranges ahead while earlier ones are being published, and hands them out strictly
 * in order: `take(next, head)` always returns the range that starts at `next`, so the caller
 * publishes contiguous ranges, with no gap or overlap, whether backfilling or at the head. Only
 * ranges up to the head known at the time are read ahead, so at the head it reads one range at a
 * time, like a plain loop. A `next` other than the expected one (a retry after a failure, a
 * rewind after a reorg) drops what was read ahead and starts again from `next`.
 */
export class RangePrefetcher<T> {
  private queue: Pending<T>[] = [];
  private depth: number;

  constructor(
    private readonly fetch: (fromBlock: number, toBlock: number) => Promise<T>,
    private readonly options: RangePrefetcherOptions<T>,
  ) {
    this.depth = options.concurrency;
  }

  /** The range starting at `next`, at most up to `head`, read ahead or read now. */
  async take(next: number, head: number): Promise<FetchedRange<T>> {
    // Another start (a retry, a rewind) or a head that went back (a lagging endpoint): read anew.
    const first = this.queue[0];
    if (first?.fromBlock !== next || first.toBlock > head) this.reset();
    this.fill(next, head);
    const taken = this.queue.shift() as Pending<T>;
    try {
      const result = await taken.promise;
      this.resize(result);
      this.fill(taken.toBlock + 1, head);
      return { fromBlock: taken.fromBlock, toBlock: taken.toBlock, result };
    } catch (error) {
      this.reset(); // read again on the next take: what was read after a failure may be stale
      throw error;
    }
  }

  /** Forgets every range read ahead (their results, or failures, are ignored). */
  reset(): void {
    for (const dropped of this.queue) dropped.promise.catch(() => undefined);
    this.queue = [];
  }

  private resize(result: T): void {
    const { budget, sizeOf, concurrency } = this.options;
    if (budget === undefined || sizeOf === undefined) return;
    const size = Math.max(1, sizeOf(result));
    this.depth = Math.min(concurrency, Math.max(1, Math.floor(budget / size)));
  }

  private fill(from: number, head: number): void {
    const last = this.queue.at(-1);
    let start = last ? last.toBlock + 1 : from;
    while (this.queue.length < this.depth && start <= head) {
      const fromBlock = start;
      const toBlock = Math.min(head, fromBlock + this.options.maxBlockRange - 1);
      // Started on a later turn of the event loop: the caller first hands the range it took to
      // the stores, and reading (decoding, building events) then fills the wait for them.
      const promise = nextTurn().then(() => this.fetch(fromBlock, toBlock));
      promise.catch(() => undefined); // observed by take(); never an unhandled rejection
      this.queue.push({ fromBlock, toBlock, promise });
      start = toBlock + 1;
    }
  }
}
