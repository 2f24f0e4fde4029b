import type { PoolCreatedV1 } from '@tidemark/schema';

// The rows of the OLTP store, shared by `OltpReader` and `OltpStore`.

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
