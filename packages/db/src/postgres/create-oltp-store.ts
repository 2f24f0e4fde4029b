import type { OltpStore } from '@tidemark/domain';
import { storeLogger, type OltpStoreConfig } from '../config';
import { createDrizzleOltpStore } from './drizzle-oltp-store';
import { openNodePostgresBackend } from './node-postgres-backend';
import { openPgliteBackend } from './pglite-backend';

/**
 * Opens the OLTP store: a PostgreSQL server when `databaseUrl` is set, otherwise embedded PGlite
 * in `${dataDir}/pglite`. Migrations are applied before it resolves.
 */
export async function createOltpStore(config: OltpStoreConfig): Promise<OltpStore> {
  const logger = storeLogger(config.logger, 'oltp');
  const backend = config.databaseUrl
    ? await openNodePostgresBackend(config.databaseUrl, logger)
    : await openPgliteBackend(config.dataDir);
  logger.info({ event: 'oltp.store_opened', backend: backend.describe });
  const store = createDrizzleOltpStore(backend);
  let closing: Promise<void> | undefined;
  return {
    ...store,
    // Closing twice is harmless: shutdown paths often overlap.
    close: () =>
      (closing ??= store.close().then(() => logger.info({ event: 'oltp.store_closed' }))),
  };
}
