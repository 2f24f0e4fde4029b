import type { Logger } from 'pino';
import { createInProcessBus, createKafkaBus } from '@tidemark/bus';
import { createOlapStore, createOltpStore } from '@tidemark/db';
import type { EventBus, OlapStore, OltpStore } from '@tidemark/domain';
import type { ServerEnv } from './server-env';

export interface Adapters {
  oltp: OltpStore;
  olap: OlapStore;
  bus: EventBus;
  close(): Promise<void>;
}

async function openBus(env: ServerEnv, logger: Logger): Promise<EventBus> {
  if (env.kafkaBrokers !== undefined)
    return createKafkaBus({ brokers: env.kafkaBrokers, clientId: 'tidemark-gateway', logger });
  logger.warn(
    { event: 'gateway.in_process_bus' },
    'KAFKA_BROKERS is unset: using the in-process bus, so live trades only come from this process',
  );
  return createInProcessBus({ logger });
}

/** Opens the stores and the bus the environment names; whatever opened is closed again on failure. */
export async function openAdapters(env: ServerEnv, logger: Logger): Promise<Adapters> {
  const opened: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(item: T): T => {
    opened.push(item);
    return item;
  };
  const close = async () => {
    // Reverse order: the bus stops delivering before the stores go away.
    for (const item of opened.reverse()) await item.close();
  };
  try {
    const oltp = track(
      await createOltpStore({ dataDir: env.dataDir, databaseUrl: env.databaseUrl, logger }),
    );
    const olap = track(
      await createOlapStore({ dataDir: env.dataDir, clickhouseUrl: env.clickhouseUrl, logger }),
    );
    const bus = track(await openBus(env, logger));
    return { oltp, olap, bus, close };
  } catch (err) {
    await close();
    throw err;
  }
}
