import type { DecimalString, UnixTime } from '../primitives';

/** Why a balance changed: a transfer in, a transfer out, or the starting balance read on chain. */
export type BalanceDeltaKind = 'in' | 'out' | 'seed';

/**
 * One change of a wallet's balance of a token, as the portfolio consumer writes it. Its natural
 * key is (chainId, wallet, token, blockHash, logIndex, kind): writing it again changes nothing.
 */
export interface BalanceDeltaRecord {
  chainId: number;
  wallet: string;
  token: string;
  blockNumber: number;
  blockHash: string;
  timestamp: UnixTime;
  logIndex: number;
  kind: BalanceDeltaKind;
  /** Raw token units, a signed decimal integer string. */
  delta: string;
}

/** A wallet's balance of one token on one chain: the sum of its deltas. */
export interface TokenBalance {
  chainId: number;
  wallet: string;
  token: string;
  /** Raw token units as a decimal integer string (negative only if the token misreported). */
  balance: string;
  /** The newest block that changed it. */
  lastBlock: number;
}

export type BalanceInterval = '1h' | '1d';

export interface BalanceHistoryQuery {
  chainId: number;
  wallet: string;
  token: string;
  interval: BalanceInterval;
  /** Buckets overlapping [from, to). */
  from: UnixTime;
  to: UnixTime;
}

/** The balance at the end of a bucket in which it changed, with the token's price then. */
export interface BalancePoint {
  bucket: UnixTime;
  balance: string;
  /**
   * USD per whole token at the end of the bucket: the newest price row (by block) timestamped
   * before the bucket's end; null when the token had no price yet.
   */
  priceUsd: DecimalString | null;
}

/** Where a page of `chainBalances` starts: after this (wallet, token). */
export interface BalanceCursor {
  wallet: string;
  token: string;
}

/** The portfolio role's side: stores and retracts balance deltas. */
export interface PortfolioWriter {
  /** Stores the deltas; a redelivered delta replaces itself. */
  insertBalanceDeltas(deltas: readonly BalanceDeltaRecord[]): Promise<void>;
  /** Removes every delta of these blocks (transfers and seeds). Idempotent. */
  retractBalanceBlocks(chainId: number, blockHashes: readonly string[]): Promise<void>;
}

/** The API's side: balances and their history, summed from the deltas. */
export interface PortfolioReader {
  /** The wallet's balance of every token it has deltas of (zeros included), by chain and token. */
  balances(wallet: string, chainId?: number): Promise<TokenBalance[]>;
  /** Every balance on a chain, by wallet then token, `limit` (1 to 10,000) after `after`. */
  chainBalances(chainId: number, limit: number, after?: BalanceCursor): Promise<TokenBalance[]>;
  /** Oldest first, one point per bucket with a delta, each with the token's price at its end. */
  balanceHistory(query: BalanceHistoryQuery): Promise<BalancePoint[]>;
}

/**
 * Wallet balances from ERC-20 transfers (the OLAP store, reached as `AnalyticsOlapStore.portfolio`):
 * every delta is kept, so balances and their history are sums, and a reorg removes the orphaned
 * blocks' deltas.
 */
export interface PortfolioOlapStore extends PortfolioWriter, PortfolioReader {}
