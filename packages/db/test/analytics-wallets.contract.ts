import type {
  ActivityWindow,
  AnalyticsOlapStore,
  LeaderboardQuery,
  PricedTrade,
} from '@tidemark/domain';
import { expect, it } from 'vitest';
import { D, DAY, HOUR, pricedTrade, wallet } from './analytics-fixtures';

/** 12:30 on day 40: the 24h window starts at 13:00 on day 39, the 7d one at 13:00 on day 33. */
const NOW = D + 40 * DAY + 12 * HOUR + 1_800;
const dayStart24h = D + 39 * DAY + 13 * HOUR;
const start7d = D + 33 * DAY + 13 * HOUR;

/** Volumes at known distances from NOW, on two chains, with trades on each window's edge. */
function leaderboardTrades(): PricedTrade[] {
  let block = 1_000;
  const t = (chainId: number, trader: number, at: number, volumeUsd: string, more = {}) =>
    pricedTrade({ chainId, block: (block += 1), at, trader, volumeUsd, ...more });
  return [
    t(1, 1, NOW - HOUR, '100', {
      pnl: '10',
      closes: true,
      win: true,
      feeUsd: '0.3',
      gasFeeUsd: '0.05',
    }),
    t(1, 1, NOW - 3 * DAY, '1000', { pnl: '-20', feeUsd: null, gasFeeUsd: '0.01' }),
    t(2, 2, NOW - 2 * HOUR, '500'),
    t(1, 3, NOW - 10 * DAY, '300'),
    t(2, 3, NOW - 20 * HOUR, '300'),
    t(1, 4, NOW - 40 * DAY, '5000'),
    t(1, 8, dayStart24h, '7'),
    t(1, 9, dayStart24h - 1, '8'),
    t(1, 10, start7d, '9'),
    t(1, 11, start7d - 1, '11'),
  ];
}

async function load(store: AnalyticsOlapStore, trades: PricedTrade[]): Promise<void> {
  const keys = await store.insertPricedTrades(trades);
  await store.recomputeWalletActivity(keys.wallets);
}

async function board(
  store: AnalyticsOlapStore,
  window: ActivityWindow,
  more: Partial<LeaderboardQuery> = {},
): Promise<[number, string, string][]> {
  const page = await store.leaderboard({ metric: 'volume', window, now: NOW, first: 100, ...more });
  return page.entries.map((e) => [e.rank, e.wallet, e.volumeUsd]);
}

const ranked = (...entries: [number, string][]) =>
  entries.map(([w, volume], i): [number, string, string] => [i + 1, wallet(w), volume]);

async function expectVolumeBoards(store: AnalyticsOlapStore): Promise<void> {
  expect(await board(store, '24h')).toEqual(ranked([2, '500'], [3, '300'], [1, '100'], [8, '7']));
  expect(await board(store, '24h', { chainId: 1 })).toEqual(ranked([1, '100'], [8, '7']));
  expect(await board(store, '7d')).toEqual(
    ranked([1, '1100'], [2, '500'], [3, '300'], [10, '9'], [9, '8'], [8, '7']),
  );
  expect(await board(store, '30d')).toEqual(
    ranked([1, '1100'], [3, '600'], [2, '500'], [11, '11'], [10, '9'], [9, '8'], [8, '7']),
  );
  expect(await board(store, 'all')).toEqual(
    ranked(
      [4, '5000'],
      [1, '1100'],
      [3, '600'],
      [2, '500'],
      [11, '11'],
      [10, '9'],
      [9, '8'],
      [8, '7'],
    ),
  );
  expect(await board(store, 'all', { chainId: 2 })).toEqual(ranked([2, '500'], [3, '300']));
  expect(await board(store, '24h', { now: NOW + 30 * DAY })).toEqual([]);
}

export function leaderboardTests(store: () => AnalyticsOlapStore): void {
  it('ranks volume over 24h, 7d, 30d and all time, per chain and across chains', async () => {
    await load(store(), leaderboardTrades());
    await expectVolumeBoards(store());
    // The same from the snapshots of NOW's hour.
    await store().refreshLeaderboards(NOW);
    await expectVolumeBoards(store());
  });

  it('pages with ranks continuing across pages, and breaks ties by wallet', async () => {
    await load(store(), [
      ...leaderboardTrades(),
      pricedTrade({ block: 5_000, at: NOW - 60, trader: 13, volumeUsd: '42' }),
      pricedTrade({ block: 5_001, at: NOW - 60, trader: 12, volumeUsd: '42' }),
    ]);
    // Summed per request, then from the snapshots of NOW's hour.
    for (const refresh of [false, true]) {
      if (refresh) await store().refreshLeaderboards(NOW);
      const page = (after?: number) =>
        store().leaderboard({ metric: 'volume', window: '30d', now: NOW, first: 3, after });
      const first = await page();
      expect(first.entries.map((e) => [e.rank, e.wallet])).toEqual([
        [1, wallet(1)],
        [2, wallet(3)],
        [3, wallet(2)],
      ]);
      expect(first.hasNextPage).toBe(true);
      const second = await page(3);
      expect(second.entries.map((e) => [e.rank, e.wallet, e.volumeUsd])).toEqual([
        [4, wallet(12), '42'],
        [5, wallet(13), '42'],
        [6, wallet(11), '11'],
      ]);
      const last = await page(6);
      expect(last.entries.map((e) => [e.rank, e.wallet])).toEqual([
        [7, wallet(10)],
        [8, wallet(9)],
        [9, wallet(8)],
      ]);
      expect(last.hasNextPage).toBe(false);
    }
  });

  it('forgets retracted trades and stays the same when everything is delivered twice', async () => {
    const trades = leaderboardTrades();
    await load(store(), trades);
    await load(store(), trades);
    await store().recomputeWalletActivity((await store().insertPricedTrades(trades)).wallets);
    await store().refreshLeaderboards(NOW);
    expect(await board(store(), '24h')).toEqual(
      ranked([2, '500'], [3, '300'], [1, '100'], [8, '7']),
    );
    const w2 = trades[2];
    await store().retractBlocks(2, [w2?.blockHash ?? '']);
    // The snapshots follow the rebuild, and answer like a sum made now.
    expect(await board(store(), '24h')).toEqual(ranked([3, '300'], [1, '100'], [8, '7']));
    expect(await board(store(), '7d', { now: NOW + 1 })).toEqual(
      ranked([1, '1100'], [3, '300'], [10, '9'], [9, '8'], [8, '7']),
    );
    expect(await board(store(), 'all', { chainId: 2 })).toEqual(ranked([3, '300']));
    expect(await board(store(), 'all')).toEqual(
      ranked([4, '5000'], [1, '1100'], [3, '600'], [11, '11'], [10, '9'], [9, '8'], [8, '7']),
    );
  });
}

/** Closing trades: wins and losses with exact PnL, far in the past so only `all` sees them. */
function closingTrades(): PricedTrade[] {
  let block = 10;
  const closes = (trader: number, wins: number, losses: number, win: string, loss: string) => [
    ...Array.from({ length: wins }, () =>
      pricedTrade({
        block: (block += 1),
        at: D + block,
        trader,
        side: 'sell',
        pnl: win,
        closes: true,
        win: true,
      }),
    ),
    ...Array.from({ length: losses }, () =>
      pricedTrade({
        block: (block += 1),
        at: D + block,
        trader,
        side: 'sell',
        pnl: loss,
        closes: true,
      }),
    ),
  ];
  return [
    ...closes(5, 4, 1, '0.1', '-0.3'),
    pricedTrade({ block: (block += 1), at: D + block, trader: 5, side: 'buy' }),
    ...closes(6, 1, 0, '0.000000000000000001', '0'),
    ...closes(7, 3, 3, '1', '-0.5'),
    ...closes(15, 8, 2, '0.25', '-1'),
  ];
}

export function winRateTests(store: () => AnalyticsOlapStore): void {
  it('ranks win rate only with enough closes, and realized PnL exactly', async () => {
    await load(store(), closingTrades());
    const rates = async (minCloses?: number) =>
      (
        await store().leaderboard({
          metric: 'winRate',
          window: 'all',
          now: NOW,
          first: 10,
          minCloses,
        })
      ).entries.map((e) => [e.wallet, e.winRate, e.closes]);
    expect(await rates()).toEqual([
      [wallet(15), '0.8', 10],
      [wallet(5), '0.8', 5],
      [wallet(7), '0.5', 6],
    ]);
    expect(await rates(1)).toEqual([
      [wallet(6), '1', 1],
      [wallet(15), '0.8', 10],
      [wallet(5), '0.8', 5],
      [wallet(7), '0.5', 6],
    ]);
    expect(await rates(6)).toEqual([
      [wallet(15), '0.8', 10],
      [wallet(7), '0.5', 6],
    ]);
    const pnl = await store().leaderboard({
      metric: 'realizedPnl',
      window: 'all',
      now: NOW,
      first: 10,
    });
    expect(pnl.entries.map((e) => [e.rank, e.wallet, e.realizedPnlUsd, e.trades])).toEqual([
      [1, wallet(7), '1.5', 6],
      [2, wallet(5), '0.1', 6],
      [3, wallet(6), '0.000000000000000001', 1],
      [4, wallet(15), '0', 10],
    ]);
    const winRate30d = await store().leaderboard({
      metric: 'winRate',
      window: '30d',
      now: D + 10 * DAY,
      first: 10,
    });
    expect(winRate30d.entries.map((e) => e.wallet)).toEqual([wallet(15), wallet(5), wallet(7)]);
  });
}
