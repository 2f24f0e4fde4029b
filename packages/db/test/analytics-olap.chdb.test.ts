import type { AnalyticsOlapStore, OlapStore } from '@tidemark/domain';
import { describe, expect, it } from 'vitest';
import { createAnalyticsOlapStore, createOlapStore } from '../src/index';
import { describeAnalyticsOlapContract } from './analytics-olap.contract';
import { D, pricedTrade } from './analytics-fixtures';
import { closeAfterEach, tempDirs } from './store-location';
import { trade } from './fixtures';

const newDir = tempDirs();

describeAnalyticsOlapContract('chDB', async () => {
  const dataDir = await newDir();
  return { open: () => createAnalyticsOlapStore({ dataDir }) };
});

describe('chDB: analytics and trade stores on one data dir', () => {
  const trackTrades = closeAfterEach<OlapStore>();
  const track = closeAfterEach<AnalyticsOlapStore>();

  it('share one engine, and each keeps it open for the other', async () => {
    const dataDir = await newDir();
    const trades = trackTrades(await createOlapStore({ dataDir }));
    const analytics = track(await createAnalyticsOlapStore({ dataDir }));
    await trades.insertTrades([trade({ chainId: 1, blockNumber: 1, logIndex: 0, timestamp: D })]);
    await trades.close();
    const keys = await analytics.insertPricedTrades([pricedTrade({ block: 1, at: D, trader: 1 })]);
    await analytics.recomputeWalletActivity(keys.wallets);
    const reopened = trackTrades(await createOlapStore({ dataDir }));
    expect(await reopened.countTrades()).toBe(1);
    const totals = await analytics.walletActivity({
      wallet: keys.wallets[0]?.wallet ?? '',
      window: 'all',
      now: D,
    });
    expect(totals.trades).toBe(1);
  });
});
