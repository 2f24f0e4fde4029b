import type { TradeExecutedV1, TransferV1 } from '@tidemark/schema';

export interface TradeFilter {
  chainId?: number;
  pool?: string;
  trader?: string;
  /**
   * Only trades at or below each listed chain's block (e.g. its finalized block); trades of chains
   * not listed are left out. Absent: no bound.
   */
  atOrBelow?: ReadonlyMap<number, number>;
}

/** Position in the newest-first order of trades; opaque to API callers. */
export interface TradeCursor {
  timestamp: number;
  chainId: number;
  blockNumber: number;
  logIndex: number;
}

/** Which way `queryTrades` reads: newest first (the API's default) or oldest first. */
export type TradeOrder = 'newestFirst' | 'oldestFirst';

export interface TradePage {
  trades: TradeExecutedV1[];
  hasNextPage: boolean;
}

/** The read side of the OLAP store: what the gateway may use. */
export interface OlapReader {
  /**
   * Newest first (timestamp, chainId, blockNumber, logIndex, all descending), or all ascending with
   * `oldestFirst`, strictly after `after` in that order. Trades come back as inserted, without
   * `status`; V2 trades have no V3 fields.
   */
  queryTrades(
    filter: TradeFilter,
    first: number,
    after?: TradeCursor,
    order?: TradeOrder,
  ): Promise<TradePage>;
  countTrades(filter?: TradeFilter): Promise<number>;
  listTransfers(chainId: number): Promise<TransferV1[]>;
}

/**
 * The OLAP store port (ClickHouse server or embedded chDB): trades and transfers.
 * Inserting the same events twice leaves the same rows as inserting them once.
 */
export interface OlapStore extends OlapReader {
  /**
   * Stores every field of a trade, V3 pool state (`sqrtPriceX96`, `liquidity`, `tick`) included,
   * except `status`: whether a trade is final depends on the chain's finalized block when it is read.
   */
  insertTrades(trades: readonly TradeExecutedV1[]): Promise<void>;
  insertTransfers(transfers: readonly TransferV1[]): Promise<void>;
  /**
   * Deletes the trades and transfers of the given blocks (orphaned by a reorg). Queries made after
   * it resolves no longer see them. Idempotent.
   */
  retractBlocks(chainId: number, blockHashes: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
