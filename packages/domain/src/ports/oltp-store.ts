import type { PoolCreatedV1 } from '@tidemark/schema';

export interface ChainCursor {
  chainId: number;
  /** The last block whose events were all published. */
  blockNumber: number;
  blockHash: string;
}

export interface PoolRecord {
  chainId: number;
  address: string;
  protocol: PoolCreatedV1['protocol'];
  factory: string | null;
  token0: string;
  token1: string;
  createdBlock: number | null;
}

export interface TokenRecord {
  chainId: number;
  address: string;
  symbol: string | null;
  name: string | null;
  decimals: number | null;
}

export interface ChainStatus {
  chainId: number;
  name: string;
  /** The newest block the chain's RPC reported to the ingest role. */
  headBlock: number | null;
  /** The newest block whose events the sink has stored. */
  indexedBlock: number | null;
}

/**
 * The OLTP store port (PostgreSQL or PGlite): chains, ingest cursors, tokens and pools.
 * Every write is an idempotent upsert on the natural key.
 */
export interface OltpStore {
  upsertChain(chain: { chainId: number; name: string }): Promise<void>;
  /** Records the chain head the ingest role saw (for lag). */
  setHead(chainId: number, headBlock: number): Promise<void>;
  /** Advances the sink's indexed block; never moves it backwards. */
  setIndexedBlock(chainId: number, blockNumber: number): Promise<void>;
  listChains(): Promise<ChainStatus[]>;

  getCursor(chainId: number): Promise<ChainCursor | null>;
  setCursor(cursor: ChainCursor): Promise<void>;

  upsertPools(pools: readonly PoolRecord[]): Promise<void>;
  getPools(chainId: number): Promise<PoolRecord[]>;
  upsertTokens(tokens: readonly TokenRecord[]): Promise<void>;
  getTokens(chainId: number): Promise<TokenRecord[]>;

  close(): Promise<void>;
}
