import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StoreConfigError, describeCause } from '../errors';
import { migrationsFolder, type PgBackend } from './backend';

// PGlite has no lock on its data dir; two instances on one dir would corrupt it.
const openDirs = new Set<string>();

// The PostgreSQL major version of the PGlite build in package.json. A data dir written by another
// major cannot be opened by this one, and PGlite would fail on it in ways that do not say so.
const postgresMajor = '19';

/** Refuses a data dir written by another PostgreSQL major, leaving it untouched. */
async function checkDataDirVersion(dir: string): Promise<void> {
  const found = await readFile(join(dir, 'PG_VERSION'), 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined; // a new data dir
      throw error;
    },
  );
  if (found === undefined || found === postgresMajor) return;
  throw new StoreConfigError(
    `PGlite data dir ${dir} (TIDEMARK_DATA_DIR) holds PostgreSQL ${found} data, which the ` +
      `embedded PostgreSQL ${postgresMajor} cannot read; it is left as it is. Move it away (or ` +
      `set TIDEMARK_DATA_DIR elsewhere) to start with an empty store that the indexer fills ` +
      `again from the chain. Accounts, watchlists and API keys stay in the old dir: the release ` +
      `that wrote it can export them with PGlite's pg_dump.`,
  );
}

/** Embedded PostgreSQL (WASM) with its data in `${dataDir}/pglite`. */
export async function openPgliteBackend(dataDir: string): Promise<PgBackend> {
  const dir = resolve(join(dataDir, 'pglite'));
  if (openDirs.has(dir)) {
    throw new StoreConfigError(
      `PGlite data dir ${dir} is already open in this process; close that store first`,
    );
  }
  await checkDataDirVersion(dir);
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
