import type { UnixTime } from '../primitives';
import type {
  Candle,
  CandleQuery,
  LeaderboardPage,
  LeaderboardQuery,
  PnlHistoryPoint,
  PnlHistoryQuery,
  PoolRef,
  PoolStats,
  PoolStatsListQuery,
  PoolStatsPage,
  PricedTrade,
  PricedTradeKey,
  TokenPriceRecord,
  WalletActivityQuery,
  WalletTotals,
} from './analytics-records';
import type { PortfolioReader } from './portfolio-olap';

/**
 * The read side of the analytics OLAP store (ClickHouse or chDB): what the API answers from.
 * It can change nothing, so a process holding only a reader cannot corrupt what the analytics
 * role derived. Every query that depends on the time takes `now`.
 */
export interface AnalyticsReader {
  /** Oldest first, empty buckets skipped. */
  candles(query: CandleQuery): Promise<Candle[]>;
  /** Null when the pool never traded. */
  poolStats(chainId: number, pool: string, now: UnixTime): Promise<PoolStats | null>;
  /**
   * The stats of these pools in one read, in their order; a pool that never traded is left out.
   * At most `MAX_POOL_STATS_KEYS` pools (batched reads of nested fields, e.g. a watchlist's pools).
   */
  poolStatsOf(pools: readonly PoolRef[], now: UnixTime): Promise<PoolStats[]>;
  listPoolStats(query: PoolStatsListQuery): Promise<PoolStatsPage>;
  leaderboard(query: LeaderboardQuery): Promise<LeaderboardPage>;
  /** Zero totals for a wallet without activity in the window. */
  walletActivity(query: WalletActivityQuery): Promise<WalletTotals>;
  /** Oldest first, one point per bucket with trades. */
  pnlHistory(query: PnlHistoryQuery): Promise<PnlHistoryPoint[]>;
  /**
   * The priced trades of these keys, in no particular order, in one read: a key the analytics role
   * has not priced (yet) has no entry. At most `MAX_PRICED_TRADE_KEYS` keys.
   */
  pricedTrades(keys: readonly PricedTradeKey[]): Promise<PricedTrade[]>;
  /** The price set at the newest block at or below `atBlock` (default: the latest); null if none. */
  tokenPrice(chainId: number, token: string, atBlock?: number): Promise<TokenPriceRecord | null>;
  /** Wallet balances from transfers, on the same backend. */
  readonly portfolio: PortfolioReader;
}
