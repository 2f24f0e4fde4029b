import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StoreConfigError, describeCause } from '../errors';
import { migrationsFolder, type PgBackend } from './backend';

// PGlite has no lock on its data dir; two instances on one dir would corrupt it.
const openDirs = new Set<string>();

/** Embedded PostgreSQL (WASM) with its data in `${dataDir}/pglite`. */
export async function openPgliteBackend(dataDir: string): Promise<PgBackend> {
  const dir = resolve(join(dataDir, 'pglite'));
  if (openDirs.has(dir)) {
    throw new StoreConfigError(
      `PGlite data dir ${dir} is already open in this process; close that store first`,
    );
  }
  openDirs.add(dir);
  let client: PGlite | undefined;
  try {
    await mkdir(dir, { recursive: true });
    client = await PGlite.create(dir);
    const db = drizzle(client);
    await migrate(db, { migrationsFolder });
    const opened = client;
    return {
      db,
      describe: `pglite:${dir}`,
      close: async () => {
        openDirs.delete(dir);
        await opened.close();
      },
    };
  } catch (error) {
    openDirs.delete(dir);
    await client?.close().catch(() => undefined);
    throw new StoreConfigError(
      `cannot open PGlite data dir ${dir} (TIDEMARK_DATA_DIR): ${describeCause(error)}`,
      {
        cause: error,
      },
    );
  }
}
