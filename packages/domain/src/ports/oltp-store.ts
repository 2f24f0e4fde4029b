import type { AnalyticsStateStore } from './analytics-state';
import type { IdentityStore } from './identity-store';
import type { BlockId, PoolCreatedV1 } from '@tidemark/schema';

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
  /** The block that created the pool, so a reorg that orphans that block can retract it. */
  createdBlockHash?: string | null;
  /**
   * Created by a configured factory. False for pools the indexer found by their events alone
   * (open discovery): their trades are kept but should not be trusted like the verified ones.
   */
  verified: boolean;
  /**
   * V3: the fee tier in millionths, from the creation event or the pool's fee(); null when
   * unknown. V2 pools leave it null (every V2 pool charges 0.3 %).
   */
  fee?: number | null;
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
  /** The newest block the ingest role considers final (head - confirmations). */
  finalizedBlock: number | null;
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

  /** Records the newest final block; never moves it backwards. */
  setFinalizedBlock(chainId: number, blockNumber: number): Promise<void>;

  getCursor(chainId: number): Promise<ChainCursor | null>;
  setCursor(cursor: ChainCursor): Promise<void>;
  /** The persisted window of recently published blocks, oldest first. */
  getBlockWindow(chainId: number): Promise<BlockId[]>;
  /**
   * In one transaction: adds `blocks` to the window, moves the cursor to `cursor` and forgets
   * window blocks more than `windowSize` below it, so a crash never splits cursor and window.
   */
  advanceCursor(cursor: ChainCursor, blocks: readonly BlockId[], windowSize: number): Promise<void>;
  /** In one transaction: drops window blocks above `ancestor` and moves the cursor back to it. */
  rewindCursor(chainId: number, ancestor: BlockId): Promise<void>;
  /**
   * Undoes what orphaned blocks stored: removes pools created in `blockHashes` and moves the
   * indexed block back to `ancestorBlock` when it is above it. Idempotent.
   */
  retractBlocks(
    chainId: number,
    blockHashes: readonly string[],
    ancestorBlock: number,
  ): Promise<void>;

  upsertPools(pools: readonly PoolRecord[]): Promise<void>;
  getPools(chainId: number): Promise<PoolRecord[]>;
  /** The stored pools among `addresses` (lower case), in no particular order. */
  findPools(chainId: number, addresses: readonly string[]): Promise<PoolRecord[]>;
  upsertTokens(tokens: readonly TokenRecord[]): Promise<void>;
  getTokens(chainId: number): Promise<TokenRecord[]>;

  /** Versioned state of the stateful consumers, in the same database. */
  readonly state: AnalyticsStateStore;
  /** Users, sessions, API keys and watchlists of the GraphQL API, in the same database. */
  readonly identity: IdentityStore;

  close(): Promise<void>;
}
