import type { AnalyticsOlapStore } from '@tidemark/domain';
import { describe, expect, it } from 'vitest';
import { createAnalyticsOlapStore } from '../src/index';
import { D, HOUR, pricedTrade, wallet } from './analytics-fixtures';
import { closeAfterEach, tempDirs } from './store-location';

const newDir = tempDirs();
const track = closeAfterEach<AnalyticsOlapStore>();

describe('chDB: cached reads', () => {
  it('see a write made through another store on the same engine at once', async () => {
    const dataDir = await newDir();
    const reader = track(await createAnalyticsOlapStore({ dataDir }));
    const writer = track(await createAnalyticsOlapStore({ dataDir }));
    const now = D + 2 * HOUR;
    const pool = pricedTrade({ block: 1, at: D, trader: 1 }).pool;
    const read = async () => ({
      totals: (await reader.walletActivity({ wallet: wallet(1), window: '24h', now })).trades,
      ranked: (await reader.leaderboard({ metric: 'volume', window: 'all', now, first: 5 })).entries
        .length,
      candles: (
        await reader.candles({
          chainId: 1,
          pool,
          interval: '1h',
          from: D,
          to: now,
          limit: 5,
        })
      ).length,
    });
    const write = async (block: number) => {
      const keys = await writer.insertPricedTrades([
        pricedTrade({ block, at: D + block * 60, trader: 1 }),
      ]);
      await writer.recomputeCandles(keys.candles);
      await writer.recomputeWalletActivity(keys.wallets);
    };
    expect(await read()).toEqual({ totals: 0, ranked: 0, candles: 0 });
    expect(await read()).toEqual({ totals: 0, ranked: 0, candles: 0 });
    await write(1);
    expect(await read()).toEqual({ totals: 1, ranked: 1, candles: 1 });
    await write(2);
    expect(await read()).toEqual({ totals: 2, ranked: 1, candles: 1 });
    await writer.retractBlocks(1, [pricedTrade({ block: 2, at: D, trader: 1 }).blockHash]);
    expect(await read()).toEqual({ totals: 1, ranked: 1, candles: 1 });
  });
});
