import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { fileURLToPath } from 'node:url';

/** What the store needs from a PostgreSQL driver: a migrated drizzle database and a way to close it. */
export interface PgBackend {
  db: PgDatabase<PgQueryResultHKT>;
  /** Where the data lives, for logs (never includes credentials). */
  describe: string;
  close(): Promise<void>;
}

/** The migrations drizzle-kit generated from ./schema.ts. */
export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
