import type { TradeExecutedV1, TransferV1 } from '@tidemark/schema';

export interface TradeFilter {
  chainId?: number;
  pool?: string;
  trader?: string;
}

/** Position in the newest-first order of trades; opaque to API callers. */
export interface TradeCursor {
  timestamp: number;
  chainId: number;
  blockNumber: number;
  logIndex: number;
}

export interface TradePage {
  trades: TradeExecutedV1[];
  hasNextPage: boolean;
}

/**
 * The OLAP store port (ClickHouse server or embedded chDB): trades and transfers.
 * Inserting the same events twice leaves the same rows as inserting them once.
 */
export interface OlapStore {
  insertTrades(trades: readonly TradeExecutedV1[]): Promise<void>;
  insertTransfers(transfers: readonly TransferV1[]): Promise<void>;
  /** Newest first (timestamp, chainId, blockNumber, logIndex, all descending), strictly after `after`. */
  queryTrades(filter: TradeFilter, first: number, after?: TradeCursor): Promise<TradePage>;
  countTrades(filter?: TradeFilter): Promise<number>;
  listTransfers(chainId: number): Promise<TransferV1[]>;
  close(): Promise<void>;
}
