import type { OlapStore } from '@tidemark/domain';
import { storeLogger, type OlapStoreConfig } from '../config';
import { createClickHouseOlapStore } from './clickhouse-olap-store';
import { closeOnce, openOlapBackend } from './open-backend';

/**
 * Opens the OLAP store: a ClickHouse server over HTTP when `clickhouseUrl` is set, otherwise
 * embedded chDB in `${dataDir}/chdb` (one data dir per process). Migrations run before it resolves.
 */
export async function createOlapStore(config: OlapStoreConfig): Promise<OlapStore> {
  const logger = storeLogger(config.logger, 'olap');
  const backend = await openOlapBackend(config, logger);
  logger.info({ event: 'olap.store_opened', backend: backend.describe });
  return createClickHouseOlapStore(backend.client, closeOnce(backend, logger, 'olap.store_closed'));
}
