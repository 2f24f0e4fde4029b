import type { Protocol } from '@tidemark/schema';
import type { DecimalString, UnixTime } from '../primitives';

// The rows the analytics role writes and the queries and answers of their readers: shared by
// `AnalyticsWriter` and `AnalyticsReader`, so neither side depends on the other.

/** Whether the trader bought or sold the pool's base token. */
export type TradeSide = 'buy' | 'sell';

/** One trade with its USD figures and its effect on the trader's PnL, as the analytics role writes it. */
export interface PricedTrade {
  chainId: number;
  blockNumber: number;
  blockHash: string;
  logIndex: number;
  timestamp: UnixTime;
  txHash: string;
  protocol: Protocol;
  pool: string;
  trader: string;
  baseToken: string;
  quoteToken: string;
  side: TradeSide;
  /** Raw token units as decimal integer strings. */
  baseAmount: string;
  quoteAmount: string;
  /** One whole base token in whole quote tokens (decimals applied); null when decimals are unknown. */
  priceQuote: DecimalString | null;
  /** One whole base token in USD; null when it cannot be derived. */
  priceUsd: DecimalString | null;
  /** Null when unpriced: counted as 0 in volume sums. */
  volumeUsd: DecimalString | null;
  /** The pool fee in USD; null when unknown (counted as 0 in fee sums). */
  feeUsd: DecimalString | null;
  gasFeeUsd: DecimalString | null;
  /** Where the USD price came from (free text, e.g. serialised by the pricing module). */
  priceSource: string;
  /** The trader's realized PnL from this trade; null when it realized nothing. */
  realizedPnlUsd: DecimalString | null;
  /** The trade sold (part of) a tracked position. */
  closesPosition: boolean;
  /** It closed a position with a gain. */
  isWin: boolean;
}

/**
 * Names one trade for `pricedTrades`: its natural key (chain, block hash, log index) and its
 * block's time, which narrows the search to the partitions and hours that can hold it.
 */
export interface PricedTradeKey {
  chainId: number;
  blockHash: string;
  logIndex: number;
  timestamp: UnixTime;
}

/** The most keys one `pricedTrades` call takes. */
export const MAX_PRICED_TRADE_KEYS = 1_000;

/** The most pools `poolStatsOf` reads at once (a page of the API's largest list). */
export const MAX_POOL_STATS_KEYS = 100;

/** A pool on a chain. */
export interface PoolRef {
  chainId: number;
  pool: string;
}

/** A token's USD price from a block on, until the next row of the same token. */
export interface TokenPriceRecord {
  chainId: number;
  token: string;
  blockNumber: number;
  blockHash: string;
  timestamp: UnixTime;
  priceUsd: DecimalString;
  source: string;
}

/** A pool's state after a block: the base/quote orientation is that of its priced trades. */
export interface PoolStateRecord {
  chainId: number;
  pool: string;
  blockNumber: number;
  blockHash: string;
  timestamp: UnixTime;
  liquidityUsd: DecimalString | null;
  priceQuote: DecimalString | null;
  priceUsd: DecimalString | null;
}

/** Trades of one pool between two instants (inclusive) whose candles must be rebuilt. */
export interface CandleKey {
  chainId: number;
  pool: string;
  from: UnixTime;
  to: UnixTime;
}

/** Trades of one wallet on one chain between two instants (inclusive) whose activity must be rebuilt. */
export interface WalletKey {
  chainId: number;
  wallet: string;
  from: UnixTime;
  to: UnixTime;
}

/** What a write touched, to pass to `recomputeCandles` / `recomputeWalletActivity` (or to announce). */
export interface AnalyticsKeys {
  candles: CandleKey[];
  wallets: WalletKey[];
}

export const CANDLE_INTERVALS = ['1m', '5m', '15m', '1h', '4h', '1d'] as const;
export type CandleInterval = (typeof CANDLE_INTERVALS)[number];

export interface CandleQuery {
  chainId: number;
  pool: string;
  interval: CandleInterval;
  /** Buckets overlapping [from, to): the first starts at or before `from`. */
  from: UnixTime;
  to: UnixTime;
  /** The oldest `limit` non-empty buckets of the range (1 to 10,000); the newest with `newestFirst`. */
  limit: number;
  /** Read from the end of the range, newest first (backward paging). Default: oldest first. */
  newestFirst?: boolean;
}

/** OHLCV of one bucket. A price is null when no trade of the bucket had one (in USD, or in quote). */
export interface Candle {
  chainId: number;
  pool: string;
  interval: CandleInterval;
  /** Start of the bucket. */
  bucket: UnixTime;
  openUsd: DecimalString | null;
  highUsd: DecimalString | null;
  lowUsd: DecimalString | null;
  closeUsd: DecimalString | null;
  /** Prices in quote tokens. */
  open: DecimalString | null;
  high: DecimalString | null;
  low: DecimalString | null;
  close: DecimalString | null;
  volumeUsd: DecimalString;
  /** Raw token units. */
  baseVolume: string;
  quoteVolume: string;
  trades: number;
  buys: number;
  sells: number;
  uniqueTraders: number;
}

/**
 * Price change over a window: (price now - price then) / price then, where "price at T" is the
 * close of the last USD-priced trade up to the end of the minute holding T. Null without both.
 */
export interface PriceChanges {
  m5: DecimalString | null;
  h1: DecimalString | null;
  h6: DecimalString | null;
  h24: DecimalString | null;
}

/** Windows ("24h", "7d", "30d") are whole UTC hours: the N hourly buckets ending with the one holding `now`. */
export interface PoolStats {
  chainId: number;
  pool: string;
  volume24hUsd: DecimalString;
  trades24h: number;
  buys24h: number;
  sells24h: number;
  /** The last USD-priced trade's price up to `now` (minute resolution). */
  priceUsd: DecimalString | null;
  priceChange: PriceChanges;
  /** From the latest pool state, null when none was recorded. */
  liquidityUsd: DecimalString | null;
  stateBlockNumber: number | null;
}

export interface PoolStatsListQuery {
  /** Absent: pools of every chain. */
  chainId?: number;
  now: UnixTime;
  /** 1 to 100. */
  first: number;
  /** How many pools earlier pages held (0 = the start). */
  after?: number;
}

export interface PoolStatsPage {
  /** Pools traded in the last 24h, by 24h USD volume, highest first. */
  pools: PoolStats[];
  hasNextPage: boolean;
}

export type LeaderboardMetric = 'volume' | 'realizedPnl' | 'winRate';
export type ActivityWindow = '24h' | '7d' | '30d' | 'all';

export interface LeaderboardQuery {
  metric: LeaderboardMetric;
  window: ActivityWindow;
  /** Absent: across every chain. */
  chainId?: number;
  now: UnixTime;
  /** 1 to 100. */
  first: number;
  /** The rank of the last entry already seen (0 = the start). */
  after?: number;
  /** `winRate` only: wallets with fewer closing trades are not ranked. Default 5. */
  minCloses?: number;
}

/** A wallet's activity totals over a window. */
export interface WalletTotals {
  wallet: string;
  volumeUsd: DecimalString;
  /** Pool fees (in the traded amounts) and gas, in USD; unknown fees count as 0. */
  feesUsd: DecimalString;
  gasFeesUsd: DecimalString;
  realizedPnlUsd: DecimalString;
  trades: number;
  /** Trades that sold a tracked position, and those that gained. */
  closes: number;
  wins: number;
  /** wins / closes; null without closes. */
  winRate: DecimalString | null;
}

export interface LeaderboardEntry extends WalletTotals {
  /** 1-based; ties are broken by wallet address, ascending. */
  rank: number;
}

export interface LeaderboardPage {
  entries: LeaderboardEntry[];
  hasNextPage: boolean;
}

export interface WalletActivityQuery {
  wallet: string;
  /** Absent: every chain. */
  chainId?: number;
  window: ActivityWindow;
  now: UnixTime;
}

export type PnlBucket = '1h' | '1d';

export interface PnlHistoryQuery {
  wallet: string;
  chainId?: number;
  /** Buckets overlapping [from, to); `1h` buckets cover at most 31 days. */
  from: UnixTime;
  to: UnixTime;
  bucket: PnlBucket;
}

/** A bucket in which the wallet traded: what it realized there and in total up to its end. */
export interface PnlHistoryPoint {
  bucket: UnixTime;
  realizedPnlUsd: DecimalString;
  cumulativeRealizedPnlUsd: DecimalString;
}
