import type { RawLog } from '../decode/raw-log';

export interface BlockHeader {
  number: number;
  hash: string;
  parentHash: string;
  timestamp: number;
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
  /** The sender (`from`) of each transaction, by hash. */
  getTransactionSenders(txHashes: readonly string[]): Promise<Map<string, string>>;
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
