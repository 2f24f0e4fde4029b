import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkMigrationHistory, pendingMigrations } from '../scripts/check-migrations';

const committed = fileURLToPath(new URL('../drizzle', import.meta.url));

describe('PostgreSQL migrations', () => {
  it('cover the schema: generating from it adds nothing to packages/db/drizzle (else run npm run db:generate)', async () => {
    await checkMigrationHistory();
    expect(await pendingMigrations(committed)).toEqual([]);
  });

  it('are reported missing when the schema is ahead of them', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tidemark-no-migrations-'));
    try {
      const pending = await pendingMigrations(empty);
      expect(pending.some((file) => /^0000_.*\.sql$/.test(file))).toBe(true);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
