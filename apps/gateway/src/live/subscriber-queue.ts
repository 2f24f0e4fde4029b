/**
 * A bounded queue read as an async iterator by one subscription. Producers never wait: when the
 * reader falls `limit` items behind, the queue ends itself and reports the overflow, so one slow
 * reader costs at most `limit` items of memory and never slows the others.
 */
export class SubscriberQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private ended = false;

  constructor(
    private readonly limit: number,
    private readonly onOverflow: () => void,
    private readonly onEnd: () => void,
  ) {}

  get length(): number {
    return this.items.length;
  }

  /** Hands an item to the reader; returns false once the queue has ended. */
  push(item: T): boolean {
    if (this.ended) return false;
    const waiting = this.waiting;
    if (waiting !== undefined) {
      this.waiting = undefined;
      waiting({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.limit) {
      this.end();
      this.onOverflow();
      return false;
    }
    this.items.push(item);
    return true;
  }

  /** Stops the reader after it has seen nothing more; pending items are dropped. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.items.length = 0;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.({ value: undefined, done: true });
    this.onEnd();
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
