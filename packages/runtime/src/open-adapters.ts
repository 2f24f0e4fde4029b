import { createInProcessBus, createKafkaBus } from '@tidemark/bus';
import { createAnalyticsOlapStore, createOlapStore, createOltpStore } from '@tidemark/db';
import type { AnalyticsOlapStore, EventBus, OlapStore, OltpStore } from '@tidemark/domain';
import type { Logger } from 'pino';
import type { StoreSettings } from './shared-settings';

export interface Adapters {
  bus: EventBus;
  oltp: OltpStore;
  olap: OlapStore;
  analytics: AnalyticsOlapStore;
  /** Closes the bus first (no more deliveries), then the stores. */
  close(): Promise<void>;
}

interface Closable {
  close(): Promise<void>;
}

/** Closes in reverse order of opening; every item is closed even if one fails, then that failure is thrown. */
async function closeAll(items: Closable[]): Promise<void> {
  const failures: unknown[] = [];
  for (const item of items.splice(0).reverse())
    await item.close().catch((error: unknown) => failures.push(error));
  if (failures.length > 0) throw failures[0];
}

/**
 * Picks each port's adapter from the settings: embedded (PGlite, chDB, in-process bus) by
 * default, PostgreSQL / ClickHouse / Kafka when their settings are given. If one fails to open,
 * those already open are closed before the error is thrown.
 */
export async function openAdapters(
  settings: StoreSettings,
  logger: Logger,
  clientId: string,
): Promise<Adapters> {
  const opened: Closable[] = [];
  const track = <T extends Closable>(item: T): T => {
    opened.push(item);
    return item;
  };
  try {
    const { dataDir, databaseUrl, clickhouseUrl, kafkaBrokers } = settings;
    const oltp = track(await createOltpStore({ databaseUrl, dataDir, logger }));
    const olapSettings = { clickhouseUrl, dataDir, logger };
    const olap = track(await createOlapStore(olapSettings));
    // Same backend as `olap` (with chDB, the same engine); the analytics role writes it.
    const analytics = track(await createAnalyticsOlapStore(olapSettings));
    const bus = track(
      kafkaBrokers === undefined
        ? createInProcessBus({ logger })
        : await createKafkaBus({ brokers: kafkaBrokers, clientId, logger }),
    );
    return { bus, oltp, olap, analytics, close: () => closeAll(opened) };
  } catch (error) {
    await closeAll(opened).catch(() => undefined); // the opening failure is the one to report
    throw error;
  }
}
