import type { UnixTime } from '../primitives';
import type {
  AnalyticsKeys,
  CandleKey,
  PoolStateRecord,
  PricedTrade,
  TokenPriceRecord,
  WalletKey,
} from './analytics-records';
import type { PortfolioWriter } from './portfolio-olap';

/**
 * The write side of the analytics OLAP store (ClickHouse or chDB), used by the analytics and
 * portfolio roles only. Every write is idempotent on its natural key; derived tables (candles,
 * wallet activity) are rebuilt from priced trades by the `recompute*` methods, so a retraction or
 * redelivery leaves them exact.
 */
export interface AnalyticsWriter {
  /** Stores the trades (a redelivered trade replaces itself) and says what to recompute. */
  insertPricedTrades(trades: readonly PricedTrade[]): Promise<AnalyticsKeys>;
  insertTokenPrices(prices: readonly TokenPriceRecord[]): Promise<void>;
  insertPoolStates(states: readonly PoolStateRecord[]): Promise<void>;
  /** Rebuilds every bucket of every interval the keys touch; an emptied bucket reads as absent. */
  recomputeCandles(keys: readonly CandleKey[]): Promise<void>;
  /**
   * Rebuilds the touched hourly and daily wallet activity, the wallets' all-time totals and their
   * rows of the current leaderboard snapshots.
   */
  recomputeWalletActivity(keys: readonly WalletKey[]): Promise<void>;
  /**
   * Builds the 24h, 7d and 30d leaderboards as of `now`'s hour (one row per wallet), so queries in
   * that hour read them instead of summing the window per request; recomputes keep them current.
   * Call it when the hour turns, from the process that writes (not concurrently with its writes).
   * Queries for an hour without one still answer, more slowly.
   */
  refreshLeaderboards(now: UnixTime): Promise<void>;
  /** What the priced trades of these blocks touch (call before they are retracted). */
  touchedByBlocks(chainId: number, blockHashes: readonly string[]): Promise<AnalyticsKeys>;
  /**
   * Removes the blocks' priced trades, token prices and pool states, and rebuilds the candles and
   * wallet activity they touched (before deleting, so a retry after a crash still finds them).
   * Returns what was rebuilt. Idempotent.
   */
  retractBlocks(chainId: number, blockHashes: readonly string[]): Promise<AnalyticsKeys>;
  /** Wallet balance deltas from transfers, on the same backend. */
  readonly portfolio: PortfolioWriter;
}
