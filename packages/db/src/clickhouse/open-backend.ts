import type { ClickHouseClient } from '@clickhouse/client';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { OlapStoreConfig, StoreLogger } from '../config';
import { acquireChdb } from './chdb-client';
import { openHttpClient } from './http-client';
import { migrateClickHouse } from './migrations';

export interface OlapBackend {
  client: ClickHouseClient;
  describe: string;
  close(): Promise<void>;
}

/**
 * A migrated ClickHouse client: over HTTP when `clickhouseUrl` is set, else the process's chDB
 * engine on `${dataDir}/chdb`, shared by every store on that dir.
 */
export async function openOlapBackend(
  config: OlapStoreConfig,
  logger: StoreLogger,
): Promise<OlapBackend> {
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

/** Logs the open and makes close idempotent: shutdown paths often overlap. */
export function closeOnce(
  backend: OlapBackend,
  logger: StoreLogger,
  // `<area>.<snake_case>`, like every log event name.
  event: `${string}.${string}`,
) {
  let closing: Promise<void> | undefined;
  return () => (closing ??= backend.close().then(() => logger.info({ event })));
}
