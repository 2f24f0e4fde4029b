import type { ClickHouseClient } from '@clickhouse/client';
import type { AnalyticsOlapStore } from '@tidemark/domain';
import { queryCandles } from './candle-query';
import { keysOfTrades } from './keys';
import { leaderboard } from './leaderboard';
import { listPoolStats, poolStats } from './pool-stats';
import { pricedTrades } from './priced-trade-query';
import { recomputeCandles } from './recompute-candles';
import { recomputeWalletActivity } from './recompute-wallets';
import { retractBlocks, touchedByBlocks } from './retract';
import { tokenPrice } from './token-price';
import { refreshLeaderboards } from './window-snapshots';
import { pnlHistory, walletActivity } from './wallet-queries';
import { insertPoolStateRows, insertPricedTradeRows, insertTokenPriceRows } from './write-rows';

/** The analytics store over a ClickHouse client; the caller decides what it talks to and closes it. */
export function createClickHouseAnalyticsStore(
  client: ClickHouseClient,
  close: () => Promise<void>,
): AnalyticsOlapStore {
  return {
    async insertPricedTrades(trades) {
      await insertPricedTradeRows(client, trades);
      return keysOfTrades(trades);
    },
    insertTokenPrices: (prices) => insertTokenPriceRows(client, prices),
    insertPoolStates: (states) => insertPoolStateRows(client, states),
    recomputeCandles: (keys) => recomputeCandles(client, keys),
    recomputeWalletActivity: (keys) => recomputeWalletActivity(client, keys),
    refreshLeaderboards: (now) => refreshLeaderboards(client, now),
    touchedByBlocks: (chainId, hashes) => touchedByBlocks(client, chainId, hashes),
    retractBlocks: (chainId, hashes) => retractBlocks(client, chainId, hashes),
    candles: (query) => queryCandles(client, query),
    poolStats: (chainId, pool, now) => poolStats(client, chainId, pool, now),
    listPoolStats: (query) => listPoolStats(client, query),
    leaderboard: (query) => leaderboard(client, query),
    walletActivity: (query) => walletActivity(client, query),
    pnlHistory: (query) => pnlHistory(client, query),
    pricedTrades: (keys) => pricedTrades(client, keys),
    tokenPrice: (chainId, token, atBlock) => tokenPrice(client, chainId, token, atBlock),
    close,
  };
}
