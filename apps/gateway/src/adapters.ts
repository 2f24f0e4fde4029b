import type { Logger } from 'pino';
import { createInProcessBus, createKafkaBus } from '@tidemark/bus';
import { createAnalyticsOlapStore, createOlapStore, createOltpStore } from '@tidemark/db';
import type { AnalyticsReader, EventBus, OlapStore, OltpReader } from '@tidemark/domain';
import type { ServerEnv } from './server-env';

export interface Adapters {
  oltp: OltpReader;
  olap: OlapStore;
  analytics: AnalyticsReader;
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
    const olapConfig = { dataDir: env.dataDir, clickhouseUrl: env.clickhouseUrl, logger };
    const olap = track(await createOlapStore(olapConfig));
    // Same backend as `olap` (in chDB mode, the same engine); the analytics role writes it.
    const analytics = track(await createAnalyticsOlapStore(olapConfig));
    const bus = track(await openBus(env, logger));
    return { oltp, olap, analytics, bus, close };
  } catch (err) {
    await close();
    throw err;
  }
}
