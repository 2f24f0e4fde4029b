import type { AnalyticsOlapStore, PoolStateRecord, TokenPriceRecord } from '@tidemark/domain';
import { expect, it } from 'vitest';
import { D, DAY, HOUR, blockHash, pool, pricedTrade, token } from './analytics-fixtures';

/** Noon on day 2. */
const NOW = D + 2 * DAY + 12 * HOUR;

/** Pool 1 on chain 1 trades at prices that make each change window's reference distinct. */
const marketTrades = [
  pricedTrade({ block: 1, at: D + 10 * HOUR, trader: 1, priceUsd: '1', volumeUsd: '10' }),
  pricedTrade({ block: 2, at: NOW - DAY - 600, trader: 1, priceUsd: '2', volumeUsd: '20' }),
  pricedTrade({
    block: 3,
    at: NOW - 6 * HOUR - 30,
    trader: 2,
    side: 'sell',
    priceUsd: '4',
    volumeUsd: '40',
  }),
  pricedTrade({ block: 4, at: NOW - HOUR - 60, trader: 1, priceUsd: '5', volumeUsd: '50' }),
  pricedTrade({
    block: 5,
    at: NOW - 120,
    trader: 3,
    side: 'sell',
    priceUsd: '6.25',
    volumeUsd: '62.5',
  }),
  pricedTrade({ block: 6, at: NOW - 1_800, pool: 2, trader: 1, priceUsd: '3', volumeUsd: '1000' }),
  pricedTrade({ chainId: 2, block: 9, at: NOW - 2 * DAY, pool: 3, trader: 1, priceUsd: '0.5' }),
];

const state = (block: number, liquidityUsd: string): PoolStateRecord => ({
  chainId: 1,
  pool: pool(1),
  blockNumber: block,
  blockHash: blockHash(1, block),
  timestamp: D + block,
  liquidityUsd,
  priceQuote: '1',
  priceUsd: '2',
});

const price = (block: number, priceUsd: string): TokenPriceRecord => ({
  chainId: 1,
  token: token(7),
  blockNumber: block,
  blockHash: blockHash(1, block),
  timestamp: D + block * 12,
  priceUsd,
  source: `pool:${block}`,
});

async function load(store: AnalyticsOlapStore): Promise<void> {
  const keys = await store.insertPricedTrades(marketTrades);
  await store.recomputeCandles(keys.candles);
  await store.insertPoolStates([state(1, '1000'), state(4, '1234.5')]);
}

export function marketTests(store: () => AnalyticsOlapStore): void {
  it('gives a pool 24h volume, buys and sells, price changes and its latest liquidity', async () => {
    await load(store());
    expect(await store().poolStats(1, pool(1), NOW)).toEqual({
      chainId: 1,
      pool: pool(1),
      volume24hUsd: '152.5',
      trades24h: 3,
      buys24h: 1,
      sells24h: 2,
      priceUsd: '6.25',
      priceChange: { m5: '0.25', h1: '0.25', h6: '0.5625', h24: '2.125' },
      liquidityUsd: '1234.5',
      stateBlockNumber: 4,
    });
    const idle = await store().poolStats(2, pool(3), NOW);
    expect(idle).toMatchObject({
      volume24hUsd: '0',
      trades24h: 0,
      priceUsd: '0.5',
      liquidityUsd: null,
    });
    expect(idle?.priceChange).toEqual({ m5: '0', h1: '0', h6: '0', h24: '0' });
    expect(await store().poolStats(1, pool(9), NOW)).toBeNull();
  });

  it('reads the stats of several pools at once, in their order, leaving out pools that never traded', async () => {
    await load(store());
    const one = await store().poolStats(1, pool(1), NOW);
    const idle = await store().poolStats(2, pool(3), NOW);
    const refs = [
      { chainId: 2, pool: pool(3) },
      { chainId: 1, pool: pool(9) },
      { chainId: 1, pool: pool(1) },
    ];
    expect(await store().poolStatsOf(refs, NOW)).toEqual([idle, one]);
    expect(await store().poolStatsOf([], NOW)).toEqual([]);
    const tooMany = Array.from({ length: 101 }, () => ({ chainId: 1, pool: pool(1) }));
    await expect(store().poolStatsOf(tooMany, NOW)).rejects.toThrow(
      /number of pools: expected an integer from 0 to 100, got 101/,
    );
  });

  it('lists pools by 24h volume, page by page, per chain or across chains', async () => {
    await load(store());
    const list = async (chainId?: number, after?: number) => {
      const page = await store().listPoolStats({ chainId, now: NOW, first: 1, after });
      return [page.pools.map((p) => [p.pool, p.volume24hUsd]), page.hasNextPage];
    };
    expect(await list(1)).toEqual([[[pool(2), '1000']], true]);
    expect(await list(1, 1)).toEqual([[[pool(1), '152.5']], false]);
    expect(await list(undefined, 1)).toEqual([[[pool(1), '152.5']], false]);
    expect(await list(2)).toEqual([[], false]);
  });

  it('puts back the previous liquidity when the latest pool state is retracted', async () => {
    await load(store());
    await store().insertPoolStates([state(4, '1234.5')]);
    await store().retractBlocks(1, [blockHash(1, 4), blockHash(1, 5)]);
    const stats = await store().poolStats(1, pool(1), NOW);
    expect([stats?.liquidityUsd, stats?.stateBlockNumber, stats?.priceUsd]).toEqual([
      '1000',
      1,
      '4',
    ]);
    await store().retractBlocks(1, [blockHash(1, 1)]);
    expect((await store().poolStats(1, pool(1), NOW))?.liquidityUsd).toBeNull();
  });

  it('answers a token price at or below a block, and forgets retracted prices', async () => {
    const store_ = store();
    await store_.insertTokenPrices([price(10, '1.5'), price(20, '1.75'), price(30, '2')]);
    await store_.insertTokenPrices([price(20, '1.75')]);
    expect(await store_.tokenPrice(1, token(7), 25)).toEqual(price(20, '1.75'));
    expect(await store_.tokenPrice(1, token(7), 20)).toEqual(price(20, '1.75'));
    expect(await store_.tokenPrice(1, token(7))).toEqual(price(30, '2'));
    expect(await store_.tokenPrice(1, token(7), 9)).toBeNull();
    expect(await store_.tokenPrice(2, token(7))).toBeNull();
    await store_.retractBlocks(1, [blockHash(1, 30)]);
    expect(await store_.tokenPrice(1, token(7))).toEqual(price(20, '1.75'));
  });
}
