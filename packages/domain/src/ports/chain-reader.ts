import type { RawLog } from '../decode/raw-log';

export interface BlockHeader {
  number: number;
  hash: string;
  parentHash: string;
  timestamp: number;
}

/** What ingest uses of a transaction's receipt. */
export interface TransactionReceipt {
  /** The sender: the wallet that signed and paid for the transaction. */
  from: string;
  /** The block the receipt places the transaction in: its gas figures hold for that block only. */
  blockHash: string;
  gasUsed: bigint;
  /** Wei paid per unit of gas; null where the node does not report it. */
  effectiveGasPrice: bigint | null;
}

/**
 * The chain port: what the ingest role needs from an EVM JSON-RPC node. Every method may throw
 * a `ChainReadError`; its `retryable` flag says whether asking again can help.
 */
export interface ChainReader {
  readonly chainId: number;
  getHeadNumber(): Promise<number>;
  /**
   * Resolves with the head number once it is above `afterBlock` (new heads over WebSocket where
   * the node offers them, polling otherwise), or with the current head when `signal` aborts.
   */
  waitForHead(afterBlock: number, signal: AbortSignal): Promise<number>;
  getBlockHeader(blockNumber: number): Promise<BlockHeader>;
  /**
   * Logs with any of `topics` as topic0 in [fromBlock, toBlock], ordered by block and log index;
   * only those emitted by one of `addresses` when it is given.
   */
  getLogs(
    fromBlock: number,
    toBlock: number,
    topics: readonly string[],
    addresses?: readonly string[],
  ): Promise<RawLog[]>;
  /**
   * The receipt of each transaction, by lower-case hash; every hash asked for is in the map (a
   * receipt the node does not have yet is a retryable failure, as a missing block is). The
   * transactions are in blocks up to `atLeastBlock`, when given: only a node that has reached it
   * is asked.
   */
  getTransactionReceipts(
    txHashes: readonly string[],
    atLeastBlock?: number,
  ): Promise<Map<string, TransactionReceipt>>;
  /** token0/token1 of a V2-style pair, or null when the address is not one. */
  readPairTokens(pool: string): Promise<{ token0: string; token1: string } | null>;
}

export class ChainReadError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ChainReadError';
  }
}
