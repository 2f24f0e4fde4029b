import {
  Topics,
  type EventBus,
  type OlapStore,
  type OltpStore,
  type Subscription,
} from '@tidemark/domain';
import type { Logger } from 'pino';
import { storeBatch } from './store-batch';

export const SINK_GROUP = 'tidemark-sink';

/** Consumes the chain events and stores them; the bus advances the group only after a batch is stored. */
export async function startSinkRole(deps: {
  bus: EventBus;
  olap: OlapStore;
  oltp: OltpStore;
  logger: Logger;
}): Promise<Subscription> {
  const { bus, olap, oltp, logger } = deps;
  return bus.subscribe({
    topic: Topics.chainEvents,
    group: SINK_GROUP,
    handler: async (events) => {
      const stored = await storeBatch(events, olap, oltp);
      logger.debug(
        { event: 'sink.batch_stored', events: events.length, ...stored },
        'batch stored',
      );
    },
  });
}
