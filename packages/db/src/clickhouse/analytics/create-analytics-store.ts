import { storeLogger, type OlapStoreConfig } from '../../config';
import { closeOnce, openOlapBackend } from '../open-backend';
import { createClickHouseAnalyticsStore, type ClickHouseAnalyticsStore } from './analytics-store';

/**
 * Opens the analytics side of the OLAP store, on the same backend and settings as `createOlapStore`
 * (in chDB mode both share the process's engine on `${dataDir}/chdb`).
 */
export async function createAnalyticsOlapStore(
  config: OlapStoreConfig,
): Promise<ClickHouseAnalyticsStore> {
  const logger = storeLogger(config.logger, 'analytics-olap');
  const backend = await openOlapBackend(config, logger);
  logger.info({ event: 'analytics_olap.store_opened', backend: backend.describe });
  return createClickHouseAnalyticsStore(
    backend.client,
    closeOnce(backend, logger, 'analytics_olap.store_closed'),
    // chDB: this process owns the engine, so every write to it passes through a store on it.
    { cacheReads: !config.clickhouseUrl },
  );
}
