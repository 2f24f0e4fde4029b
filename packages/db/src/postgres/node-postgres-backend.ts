import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { StoreConfigError, describeCause } from '../errors';
import type { StoreLogger } from '../config';
import { migrationsFolder, type PgBackend } from './backend';
import { checkDatabaseUrl, connectionError } from './database-url';

// Replicas starting together must not run the same migration twice.
const migrationLockKey = 7_461_220_114;

function createPool(databaseUrl: string): pg.Pool {
  try {
    return new pg.Pool({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000, max: 10 });
  } catch (error) {
    throw new StoreConfigError(`DATABASE_URL cannot be parsed: ${describeCause(error)}`, {
      cause: error,
    });
  }
}

async function migrateLocked(pool: pg.Pool, where: string): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw connectionError(error, where);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
  }
}

/** A PostgreSQL server through a `pg` pool; the schema is migrated before this resolves. */
export async function openNodePostgresBackend(
  databaseUrl: string,
  logger: StoreLogger,
): Promise<PgBackend> {
  const where = checkDatabaseUrl(databaseUrl);
  const pool = createPool(databaseUrl);
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', (error) =>
    logger.warn({ event: 'postgres.idle_client_error', error: describeCause(error) }),
  );
  try {
    await migrateLocked(pool, where);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return { db: drizzle(pool), describe: `postgres:${where}`, close: () => pool.end() };
}
