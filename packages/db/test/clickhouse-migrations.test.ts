import { join, resolve } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { acquireChdb } from '../src/clickhouse/chdb-client';
import { migrateClickHouse } from '../src/clickhouse/migrations';
import { createOlapStore } from '../src/index';
import { trade, v3Trade } from './fixtures';
import { closeAfterEach, tempDirs } from './store-location';

const newDir = tempDirs();
const quiet = pino({ enabled: false });
const t0 = 1_700_000_000;

describe('ClickHouse migrations on chDB', () => {
  const track = closeAfterEach<Awaited<ReturnType<typeof createOlapStore>>>();

  it('0003 upgrades a trades table written before it, and running it again changes nothing', async () => {
    const dataDir = await newDir();
    const store = track(await createOlapStore({ dataDir }));
    const old = trade({ chainId: 1, blockNumber: 1, logIndex: 0, timestamp: t0 });
    await store.insertTrades([old]);
    // The same engine as the store's: the dir is open once per process.
    const lease = await acquireChdb(resolve(join(dataDir, 'chdb')), quiet, async () => {});
    try {
      const { client } = lease;
      // Back to the state before 0003: no pool-state columns, version 3 not recorded.
      await client.command({
        query:
          'ALTER TABLE trades DROP COLUMN sqrt_price_x96, DROP COLUMN liquidity, DROP COLUMN tick',
        clickhouse_settings: { mutations_sync: '2' },
      });
      await client.command({
        query: 'DELETE FROM schema_migrations WHERE version = 3',
        clickhouse_settings: { lightweight_deletes_sync: '2' },
      });
      await migrateClickHouse(client, quiet);
      // As after a crash between applying 0003 and recording it: the rerun must not fail.
      await client.command({
        query: 'DELETE FROM schema_migrations WHERE version = 3',
        clickhouse_settings: { lightweight_deletes_sync: '2' },
      });
      await migrateClickHouse(client, quiet);
      await migrateClickHouse(client, quiet);
      const versions = await client.query({
        query: 'SELECT version FROM schema_migrations FINAL ORDER BY version',
        format: 'JSONEachRow',
      });
      // Later migrations are recorded too; 0003 and those before it, each once.
      const recorded = (await versions.json<{ version: number }>()).map((r) => Number(r.version));
      expect(recorded.filter((v) => v <= 3)).toEqual([1, 2, 3]);
    } finally {
      await lease.release();
    }
    const v3 = v3Trade(
      { chainId: 1, blockNumber: 2, logIndex: 0, timestamp: t0 + 12 },
      { sqrtPriceX96: '79228162514264337593543950336', liquidity: '1000000', tick: 0 },
    );
    await store.insertTrades([v3]);
    expect((await store.queryTrades({}, 10)).trades).toStrictEqual([v3, old]);
  });
});
