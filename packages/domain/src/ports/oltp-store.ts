import type { BlockId } from '@tidemark/schema';
import type { ConsumerStateStore } from './consumer-state-store';
import type { OltpReader } from './oltp-reader';
import type { ChainCursor, PoolRecord, TokenRecord } from './oltp-records';

/**
 * The OLTP store port (PostgreSQL or PGlite): chains, ingest cursors, tokens and pools, for the
 * indexer's roles. Every write is an idempotent upsert on the natural key. The API gets the
 * narrower `OltpReader`.
 */
export interface OltpStore extends OltpReader {
  upsertChain(chain: { chainId: number; name: string }): Promise<void>;
  /** Records the chain head the ingest role saw (for lag). */
  setHead(chainId: number, headBlock: number): Promise<void>;
  /** Advances the sink's indexed block; never moves it backwards. */
  setIndexedBlock(chainId: number, blockNumber: number): Promise<void>;
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

  /** Versioned state of the stateful consumers, in the same database. */
  readonly state: ConsumerStateStore;

  close(): Promise<void>;
}
