import type { OlapStore } from '@tidemark/domain';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { storeLogger, type OlapStoreConfig, type StoreLogger } from '../config';
import { acquireChdb } from './chdb-client';
import { createClickHouseOlapStore } from './clickhouse-olap-store';
import { openHttpClient } from './http-client';
import { migrateClickHouse } from './migrations';

async function openBackend(config: OlapStoreConfig, logger: StoreLogger) {
  if (config.clickhouseUrl) {
    const { client, where } = await openHttpClient(config.clickhouseUrl, logger);
    try {
      await migrateClickHouse(client, logger);
    } catch (error) {
      await client.close();
      throw error;
    }
    return { client, describe: `clickhouse:${where}`, close: () => client.close() };
  }
  const path = resolve(join(config.dataDir, 'chdb'));
  await mkdir(path, { recursive: true });
  const lease = await acquireChdb(path, logger, (client) => migrateClickHouse(client, logger));
  return { client: lease.client, describe: `chdb:${path}`, close: () => lease.release() };
}

/**
 * Opens the OLAP store: a ClickHouse server over HTTP when `clickhouseUrl` is set, otherwise
 * embedded chDB in `${dataDir}/chdb` (one data dir per process). Migrations run before it resolves.
 */
export async function createOlapStore(config: OlapStoreConfig): Promise<OlapStore> {
  const logger = storeLogger(config.logger, 'olap');
  const backend = await openBackend(config, logger);
  logger.info({ event: 'olap_store_opened', backend: backend.describe });
  let closing: Promise<void> | undefined;
  // Closing twice is harmless: shutdown paths often overlap.
  const close = () =>
    (closing ??= backend.close().then(() => logger.info({ event: 'olap_store_closed' })));
  return createClickHouseOlapStore(backend.client, close);
}
