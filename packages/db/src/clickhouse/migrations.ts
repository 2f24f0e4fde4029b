import type { ClickHouseClient } from '@clickhouse/client';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoreLogger } from '../config';

const migrationsDir = fileURLToPath(new URL('../../clickhouse', import.meta.url));
const fileName = /^(\d+)_[\w-]+\.sql$/;

interface Migration {
  version: number;
  name: string;
  path: string;
}

async function listMigrations(dir: string): Promise<Migration[]> {
  const migrations: Migration[] = [];
  for (const name of await readdir(dir)) {
    const match = fileName.exec(name);
    if (match?.[1]) migrations.push({ version: Number(match[1]), name, path: join(dir, name) });
  }
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (index > 0 && migrations[index - 1]?.version === migration.version) {
      throw new Error(`two ClickHouse migrations share version ${migration.version} in ${dir}`);
    }
  });
  return migrations;
}

/** A migration file may hold several statements; the HTTP interface runs one per request. */
function statements(text: string): string[] {
  const withoutComments = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

async function appliedVersions(client: ClickHouseClient): Promise<Set<number>> {
  // ReplacingMergeTree keyed by version: replicas that race on the same migration record it once.
  await client.command({
    query: `CREATE TABLE IF NOT EXISTS schema_migrations
      (version UInt32, name String, applied_at DateTime('UTC') DEFAULT now())
      ENGINE = ReplacingMergeTree ORDER BY version`,
  });
  const result = await client.query({
    query: 'SELECT version FROM schema_migrations FINAL',
    format: 'JSONEachRow',
  });
  const rows = await result.json<{ version: number | string }>();
  return new Set(rows.map((row) => Number(row.version)));
}

/** Applies the numbered files in packages/db/clickhouse that are not yet recorded, in order. */
export async function migrateClickHouse(
  client: ClickHouseClient,
  logger: StoreLogger,
): Promise<void> {
  const applied = await appliedVersions(client);
  for (const migration of await listMigrations(migrationsDir)) {
    if (applied.has(migration.version)) continue;
    for (const query of statements(await readFile(migration.path, 'utf8'))) {
      await client.command({ query });
    }
    await client.insert({
      table: 'schema_migrations',
      values: [{ version: migration.version, name: migration.name }],
      format: 'JSONEachRow',
    });
    logger.info({
      event: 'clickhouse.migration_applied',
      version: migration.version,
      name: migration.name,
    });
  }
}
