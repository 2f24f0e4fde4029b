import type { ClickHouseClient } from '@clickhouse/client';
import type { AnalyticsOlapStore } from '@tidemark/domain';
import { createClickHousePortfolioStore } from '../portfolio/portfolio-store';
import { rebuildDerived } from './bulk-rebuild';
import { queryCandles } from './candle-query';
import { keysOfTrades } from './keys';
import { latestTokenPrices } from './latest-token-prices';
import { leaderboard } from './leaderboard';
import { listPoolStats, poolStats, poolStatsOf } from './pool-stats';
import { pricedTrades } from './priced-trade-query';
import { ReadCache, cachedReads, writeGenerationOf } from './read-cache';
import { recomputeCandles } from './recompute-candles';
import { recomputeWalletActivity } from './recompute-wallets';
import { retractBlocks, touchedByBlocks } from './retract';
import { tokenPrice } from './token-price';
import { refreshLeaderboards } from './window-snapshots';
import { pnlHistory, walletActivity } from './wallet-queries';
import { insertPoolStateRows, insertPricedTradeRows, insertTokenPriceRows } from './write-rows';

export interface ClickHouseAnalyticsStoreOptions {
  /**
   * Keep read answers until the next write (see ReadCache). Only when every write to the analytics
   * tables goes through a store on this client: chDB, whose engine no other process can open.
   */
  cacheReads: boolean;
}

/** The ClickHouse adapter's port plus what only a bulk loader needs. */
export interface ClickHouseAnalyticsStore extends AnalyticsOlapStore {
  /**
   * Rebuilds candles and wallet activity of every bucket in [from, to) (widened to whole UTC
   * days) from the stored priced trades, then every wallet's all-time totals and the valid
   * leaderboard snapshots: the rows recomputeCandles and recomputeWalletActivity would write for
   * keys covering everything, in a few whole-table statements, then merges those tables down
   * (OPTIMIZE FINAL). For loading a history in bulk (insert the trades, then call this once); not
   * concurrently with other writes.
   */
  rebuildDerived(from: number, to: number): Promise<void>;
}

/** The analytics store over a ClickHouse client; the caller decides what it talks to and closes it. */
export function createClickHouseAnalyticsStore(
  client: ClickHouseClient,
  close: () => Promise<void>,
  options: ClickHouseAnalyticsStoreOptions = { cacheReads: false },
): ClickHouseAnalyticsStore {
  const generation = writeGenerationOf(client);
  // Counted when the write ends, failed or not: a read begun before then is retired with it.
  const write =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args);
      } finally {
        generation.value += 1;
      }
    };
  const latestPrice = latestTokenPrices(client);
  const reads = {
    candles: (query) => queryCandles(client, query),
    poolStats: (chainId, pool, now) => poolStats(client, chainId, pool, now),
    listPoolStats: (query) => listPoolStats(client, query),
    leaderboard: (query) => leaderboard(client, query),
    walletActivity: (query) => walletActivity(client, query),
    pnlHistory: (query) => pnlHistory(client, query),
    tokenPrice: (chainId, token, atBlock) =>
      atBlock === undefined
        ? latestPrice(chainId, token)
        : tokenPrice(client, chainId, token, atBlock),
  } satisfies Parameters<typeof cachedReads>[0];
  return {
    insertPricedTrades: write(async (trades) => {
      await insertPricedTradeRows(client, trades);
      return keysOfTrades(trades);
    }),
    insertTokenPrices: write((prices) => insertTokenPriceRows(client, prices)),
    insertPoolStates: write((states) => insertPoolStateRows(client, states)),
    recomputeCandles: write((keys) => recomputeCandles(client, keys)),
    recomputeWalletActivity: write((keys) => recomputeWalletActivity(client, keys)),
    refreshLeaderboards: write((now) => refreshLeaderboards(client, now)),
    rebuildDerived: write((from, to) => rebuildDerived(client, from, to)),
    touchedByBlocks: (chainId, hashes) => touchedByBlocks(client, chainId, hashes),
    retractBlocks: write((chainId, hashes) => retractBlocks(client, chainId, hashes)),
    ...(options.cacheReads ? cachedReads(reads, new ReadCache(generation)) : reads),
    poolStatsOf: (pools, now) => poolStatsOf(client, pools, now),
    pricedTrades: (keys) => pricedTrades(client, keys),
    // Balance writes touch no table the read cache serves.
    portfolio: createClickHousePortfolioStore(client),
    close,
  };
}
