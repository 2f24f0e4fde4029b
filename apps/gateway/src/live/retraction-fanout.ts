import type { TradeFilter } from '@tidemark/domain';
import { SubscriberQueue } from './subscriber-queue';

/** The API's `TradeRetraction`: the blocks a reorg orphaned, whose trades are void. */
export interface RetractionView {
  chainId: number;
  blockHashes: string[];
  ancestorBlock: number;
}

interface Subscriber {
  chainId: number | undefined;
  queue: SubscriberQueue<RetractionView>;
}

/** In-memory fan-out of retractions to every `tradesRetracted` subscription of this process. */
export class RetractionFanout {
  private readonly subscribers = new Set<Subscriber>();

  constructor(private readonly queueLimit: number) {}

  publish(retraction: RetractionView): void {
    for (const s of this.subscribers) {
      if (s.chainId === undefined || s.chainId === retraction.chainId) s.queue.push(retraction);
    }
  }

  /** Only the filter's chain matters: a retraction names blocks, which hold any pool's trades. */
  subscribe(filter: TradeFilter, onOverflow: () => void): AsyncIterableIterator<RetractionView> {
    const subscriber: Subscriber = {
      chainId: filter.chainId,
      queue: new SubscriberQueue<RetractionView>(this.queueLimit, onOverflow, () =>
        this.subscribers.delete(subscriber),
      ),
    };
    this.subscribers.add(subscriber);
    return subscriber.queue;
  }

  endAll(): void {
    for (const subscriber of [...this.subscribers]) subscriber.queue.end();
  }
}
