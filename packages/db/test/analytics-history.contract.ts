import type { AnalyticsOlapStore, PricedTrade } from '@tidemark/domain';
import { expect, it } from 'vitest';
import { D, DAY, HOUR, blockHash, pricedTrade, wallet } from './analytics-fixtures';

const w = wallet(20);

/** One wallet's realized PnL on two chains over three days. */
const pnlTrades: PricedTrade[] = [
  pricedTrade({
    block: 1,
    at: D + 10 * HOUR,
    trader: 20,
    pnl: '1.5',
    closes: true,
    win: true,
    volumeUsd: '0.1',
    feeUsd: '0.0003',
    gasFeeUsd: '0.02',
  }),
  pricedTrade({
    block: 2,
    at: D + 11 * HOUR + 1_800,
    trader: 20,
    pnl: '-0.25',
    closes: true,
    volumeUsd: '0.2',
    feeUsd: null,
    gasFeeUsd: '0.01',
  }),
  pricedTrade({
    chainId: 2,
    block: 7,
    at: D + DAY + HOUR,
    trader: 20,
    pnl: '2',
    closes: true,
    win: true,
    volumeUsd: '1000000000000000000000000000000000000.000000000000000001',
  }),
  pricedTrade({
    block: 3,
    at: D + 2 * DAY + 23 * HOUR + 3_599,
    trader: 20,
    pnl: '0.000000000000000001',
    closes: true,
    win: true,
  }),
];

async function load(store: AnalyticsOlapStore): Promise<void> {
  const keys = await store.insertPricedTrades(pnlTrades);
  await store.recomputeWalletActivity(keys.wallets);
}

const points = async (
  store: AnalyticsOlapStore,
  q: Partial<Parameters<AnalyticsOlapStore['pnlHistory']>[0]>,
) =>
  (await store.pnlHistory({ wallet: w, from: D, to: D + 3 * DAY, bucket: '1d', ...q })).map((p) => [
    p.bucket,
    p.realizedPnlUsd,
    p.cumulativeRealizedPnlUsd,
  ]);

export function historyTests(store: () => AnalyticsOlapStore): void {
  it('sums a wallet over windows, per chain and across chains, exactly', async () => {
    await load(store());
    const now = D + 2 * DAY + 23 * HOUR + 3_599;
    const all = await store().walletActivity({
      wallet: w.toUpperCase().replace('0X', '0x'),
      window: 'all',
      now,
    });
    expect(all).toEqual({
      wallet: w,
      volumeUsd: '1000000000000000000000000000000000001.300000000000000001',
      feesUsd: '0.0063',
      gasFeesUsd: '0.03',
      realizedPnlUsd: '3.250000000000000001',
      trades: 4,
      closes: 4,
      wins: 3,
      winRate: '0.75',
    });
    const chain1 = await store().walletActivity({ wallet: w, chainId: 1, window: '7d', now });
    expect([chain1.volumeUsd, chain1.realizedPnlUsd, chain1.trades, chain1.winRate]).toEqual([
      '1.3',
      '1.250000000000000001',
      3,
      '0.666666666666666667',
    ]);
    const day = await store().walletActivity({ wallet: w, window: '24h', now });
    expect([day.volumeUsd, day.realizedPnlUsd, day.trades]).toEqual([
      '1',
      '0.000000000000000001',
      1,
    ]);
    const nobody = await store().walletActivity({ wallet: wallet(99), window: '30d', now });
    expect(nobody).toMatchObject({ volumeUsd: '0', trades: 0, winRate: null });
  });

  it('draws cumulative realized PnL by day and by hour, starting from what came before', async () => {
    await load(store());
    expect(await points(store(), {})).toEqual([
      [D, '1.25', '1.25'],
      [D + DAY, '2', '3.25'],
      [D + 2 * DAY, '0.000000000000000001', '3.250000000000000001'],
    ]);
    expect(await points(store(), { from: D + DAY + 5 })).toEqual([
      [D + DAY, '2', '3.25'],
      [D + 2 * DAY, '0.000000000000000001', '3.250000000000000001'],
    ]);
    expect(await points(store(), { chainId: 1 })).toEqual([
      [D, '1.25', '1.25'],
      [D + 2 * DAY, '0.000000000000000001', '1.250000000000000001'],
    ]);
    expect(await points(store(), { bucket: '1h', from: D + 11 * HOUR, to: D + 2 * DAY })).toEqual([
      [D + 11 * HOUR, '-0.25', '1.25'],
      [D + DAY + HOUR, '2', '3.25'],
    ]);
    await store().retractBlocks(2, [blockHash(2, 7)]);
    expect(await points(store(), { from: D + DAY })).toEqual([
      [D + 2 * DAY, '0.000000000000000001', '1.250000000000000001'],
    ]);
  });

  it('refuses malformed arguments with an error saying what is wrong', async () => {
    await expect(
      store().pnlHistory({ wallet: 'nope', from: D, to: D + DAY, bucket: '1d' }),
    ).rejects.toThrow(/wallet: expected a 0x address/);
    await expect(
      store().pnlHistory({ wallet: w, from: D, to: D + 40 * DAY, bucket: '1h' }),
    ).rejects.toThrow(/at most 31 days/);
    await expect(
      store().leaderboard({ metric: 'volume', window: '24h', now: D, first: 0 }),
    ).rejects.toMatchObject({ name: 'StoreInputError', retryable: false });
    await expect(
      store().insertPricedTrades([{ ...pnlTrades[0]!, volumeUsd: '0.1234567890123456789' }]),
    ).rejects.toThrow(/volumeUsd: .*more than 18 decimal places/);
    await expect(
      store().insertPricedTrades([{ ...pnlTrades[0]!, volumeUsd: '1e5' }]),
    ).rejects.toThrow(/volumeUsd: not a decimal number/);
    expect(await store().walletActivity({ wallet: w, window: 'all', now: D })).toMatchObject({
      trades: 0,
    });
  });
}
