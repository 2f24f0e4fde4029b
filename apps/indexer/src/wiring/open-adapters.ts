import { createInProcessBus, createKafkaBus } from '@tidemark/bus';
import { createAnalyticsOlapStore, createOlapStore, createOltpStore } from '@tidemark/db';
import type { AnalyticsOlapStore, EventBus, OlapStore, OltpStore } from '@tidemark/domain';
import type { Logger } from 'pino';
import type { StoreConfig } from '../config/indexer-config';

export interface Adapters {
  bus: EventBus;
  oltp: OltpStore;
  olap: OlapStore;
  analytics: AnalyticsOlapStore;
  close(): Promise<void>;
}

/**
 * Picks each port's adapter from configuration: embedded (in-process bus, PGlite, chDB) by default,
 * Kafka / PostgreSQL / ClickHouse when their settings are present.
 */
export async function openAdapters(
  config: StoreConfig,
  logger: Logger,
  clientId: string,
): Promise<Adapters> {
  const oltp = await createOltpStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    logger,
  });
  const olapConfig = { clickhouseUrl: config.clickhouseUrl, dataDir: config.dataDir, logger };
  const olap = await createOlapStore(olapConfig).catch(async (error: unknown) => {
    await oltp.close();
    throw error;
  });
  const analytics = await createAnalyticsOlapStore(olapConfig).catch(async (error: unknown) => {
    await Promise.allSettled([olap.close(), oltp.close()]);
    throw error;
  });
  const bus = config.kafkaBrokers
    ? await createKafkaBus({ brokers: config.kafkaBrokers, clientId, logger })
    : createInProcessBus({ logger });
  return {
    bus,
    oltp,
    olap,
    analytics,
    async close() {
      await bus.close();
      await Promise.allSettled([analytics.close(), olap.close(), oltp.close()]);
    },
  };
}
