import { Topics, type EventBus, type OlapStore, type OltpStore } from '@tidemark/domain';
import type { Logger } from 'pino';
import type { StartedRole } from '../role-starter';
import { storeBatch } from './store-batch';

const SINK_GROUP = 'tidemark-sink';

export interface SinkRoleDeps {
  bus: EventBus;
  olap: OlapStore;
  oltp: OltpStore;
  logger: Logger;
}

/** Consumes the chain events and stores them; the bus advances the group only after a batch is stored. */
export async function startSinkRole(deps: SinkRoleDeps): Promise<StartedRole> {
  const { bus, olap, oltp, logger } = deps;
  const subscription = await bus.subscribe({
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
  return { stop: () => subscription.unsubscribe() };
}
