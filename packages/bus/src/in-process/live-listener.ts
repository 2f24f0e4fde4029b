import type { BatchHandler, BusEvent, Topic } from '@tidemark/domain';
import type { Logger } from '../logger';

export interface LiveListener {
  deliver(events: readonly BusEvent[]): Promise<void>;
  /** Skips batches not yet started; resolves once the running one, if any, has settled. */
  stop(): Promise<void>;
}

/**
 * A subscriber without a group. Its batches run one after another (so a chain's order holds);
 * a failure is logged and goes no further: one broken listener must not hold up the publisher.
 */
export function createLiveListener(
  topic: Topic,
  handler: BatchHandler<BusEvent>,
  logger: Logger,
): LiveListener {
  let active = true;
  let tail: Promise<void> = Promise.resolve();

  const handle = async (events: readonly BusEvent[]): Promise<void> => {
    if (!active) return;
    try {
      await handler(events);
    } catch (err) {
      logger.error(
        { event: 'bus.listener_failed', topic, chainId: events[0]?.chainId, err },
        'a live listener failed to handle a batch; it will not see that batch again',
      );
    }
  };

  return {
    deliver(events) {
      tail = tail.then(() => handle(events));
      return tail;
    },
    async stop() {
      active = false;
      await tail;
    },
  };
}
