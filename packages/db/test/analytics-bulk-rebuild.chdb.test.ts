import type { PricedTrade } from '@tidemark/domain';
import { describe, expect, it } from 'vitest';
import { openOlapBackend } from '../src/clickhouse/open-backend';
import { storeLogger } from '../src/config';
import { createAnalyticsOlapStore } from '../src/index';
import { D, DAY, HOUR, blockHash, pricedTrade } from './analytics-fixtures';
import { tempDirs } from './store-location';

const newDir = tempDirs();

/** The derived tables, every column but the version, of rows readers see (FINAL, trades > 0). */
const derived = [
  'candles',
  'pool_activity',
  'wallet_activity',
  'wallet_activity_daily',
  'wallet_hours',
  'wallet_days',
  'wallet_totals',
  'wallet_window_totals',
];

/** A small history: 2 chains, 3 pools, 5 wallets, 3 days, some unpriced trades and realized PnL. */
function history(): PricedTrade[] {
  return Array.from({ length: 240 }, (_, i) => {
    const chainId = (i % 2) + 1;
    const closes = i % 3 === 0;
    return pricedTrade({
      chainId,
      block: 1 + Math.floor(i / 4),
      log: i % 4,
      at: D + Math.floor((i * 3 * DAY) / 240) + (i % 7) * 61,
      pool: 1 + ((i * 7) % 3),
      trader: 1 + ((i * 5) % 5),
      side: i % 2 === 0 ? 'buy' : 'sell',
      base: String(1_000 + i),
      quote: String(7 + i * 3),
      priceQuote: `${1 + (i % 11)}.${i}`,
      priceUsd: i % 10 === 0 ? null : `${2 + (i % 13)}.5`,
      volumeUsd: i % 10 === 0 ? null : `${10 + i}.25`,
      gasFeeUsd: i % 4 === 0 ? null : '0.01',
      pnl: closes ? `${(i % 5) - 2}.125` : null,
      closes,
      win: closes && i % 5 > 2,
    });
  });
}

const NOW = D + 2 * DAY + 20 * HOUR + 600;

async function dump(dataDir: string): Promise<Record<string, string>> {
  const backend = await openOlapBackend({ dataDir }, storeLogger(undefined, 'test'));
  try {
    const out: Record<string, string> = {};
    for (const table of derived) {
      const result = await backend.client.query({
        query: `SELECT * EXCEPT version FROM ${table} FINAL WHERE trades > 0 ORDER BY ALL`,
        format: 'TabSeparated',
      });
      out[table] = await result.text();
    }
    return out;
  } finally {
    await backend.close();
  }
}

describe('chDB: the bulk rebuild of the derived analytics tables', () => {
  it('writes what the incremental rebuilds write, reorgs and snapshots included', async () => {
    const trades = history();
    const retracted: string[] = [blockHash(1, 7), blockHash(1, 33)];
    const kept = trades.filter((t) => !(t.chainId === 1 && retracted.includes(t.blockHash)));

    // Incremental: batches as the analytics role writes them, then a reorg.
    const incrementalDir = await newDir();
    const incremental = await createAnalyticsOlapStore({ dataDir: incrementalDir });
    await incremental.refreshLeaderboards(NOW);
    for (let i = 0; i < trades.length; i += 50) {
      const keys = await incremental.insertPricedTrades(trades.slice(i, i + 50));
      await incremental.recomputeCandles(keys.candles);
      await incremental.recomputeWalletActivity(keys.wallets);
    }
    await incremental.retractBlocks(1, retracted);
    await incremental.close();
    const expected = await dump(incrementalDir);

    // Bulk: every trade, one rebuild; then rows removed behind its back and a second rebuild,
    // which must empty the buckets they leave.
    const bulkDir = await newDir();
    const bulk = await createAnalyticsOlapStore({ dataDir: bulkDir });
    await bulk.refreshLeaderboards(NOW);
    await bulk.insertPricedTrades(trades);
    await bulk.rebuildDerived(D, D + 3 * DAY);
    await bulk.close();
    const backend = await openOlapBackend({ dataDir: bulkDir }, storeLogger(undefined, 'test'));
    await backend.client.command({
      query: `DELETE FROM priced_trades WHERE chain_id = 1 AND block_hash IN ('${retracted.join("', '")}')`,
      clickhouse_settings: { lightweight_deletes_sync: '2' },
    });
    await backend.close();
    const again = await createAnalyticsOlapStore({ dataDir: bulkDir });
    await again.rebuildDerived(D, D + 3 * DAY);
    await again.close();

    expect(kept.length).toBeLessThan(trades.length);
    for (const table of derived) expect(expected[table]?.split('\n').length).toBeGreaterThan(3);
    expect(await dump(bulkDir)).toEqual(expected);
  });
});
