import type { ChainReader } from '@tidemark/domain';
import type { Logger } from 'pino';
import { createEthCaller, type EthCaller } from '../metadata/eth-caller';
import { EndpointPool, type PoolOptions } from './endpoints/endpoint-pool';
import { createHttpEndpoint } from './endpoints/http-endpoint';
import { readHeader, readPairTokens, readReceipts } from './rpc-reads';
import { createLogReader, DEFAULT_BLOOM_CHECK_DEPTH } from './verified-logs';
import { createHeadWaiter } from './wait-for-head';
import { createWsEndpoint } from './endpoints/ws-endpoint';

export interface RpcChainReaderOptions {
  chainId: number;
  rpcUrls: readonly string[];
  /** New heads over this WebSocket; by default the first ws(s) entry of `rpcUrls`, if any. */
  wsUrl?: string;
  pollIntervalMs: number;
  maxBlockRange: number;
  maxConcurrency: number;
  requestTimeoutMs: number;
  /**
   * Blocks at least this far below the head are history: eth_getLogs answers there are checked
   * against the headers of the blocks with logs only, not every block's logsBloom. Default 128.
   */
  bloomCheckDepth?: number;
  logger: Logger;
  pool?: Omit<PoolOptions, 'chainId' | 'logger'>;
}

export interface RpcChainReader extends ChainReader {
  /** Contract reads (token metadata, pool origins) over the same endpoints and their health. */
  readonly contracts: EthCaller;
  close(): Promise<void>;
}

const isWs = (url: string) => /^wss?:/i.test(url);

/**
 * The chain port over one or more JSON-RPC endpoints of a chain: batched, rate-limited,
 * time-limited HTTP (or WebSocket) calls with failover, verified eth_getLogs, and new heads
 * pushed over a WebSocket where one is available. An endpoint serves calls only once its
 * eth_chainId matched `chainId`; one on another chain is dropped for good. Contract reads go
 * through the same endpoints.
 */
export function createRpcChainReader(options: RpcChainReaderOptions): RpcChainReader {
  const { chainId } = options;
  const logger = options.logger.child({ chainId });
  const endpoints = options.rpcUrls.map((url) => {
    const settings = {
      url,
      timeoutMs: options.requestTimeoutMs,
      maxConcurrency: options.maxConcurrency,
    };
    return isWs(url) ? createWsEndpoint(settings) : createHttpEndpoint(settings);
  });
  const pool = new EndpointPool(endpoints, { ...options.pool, chainId, logger });
  const close = async () => {
    await waiter.close();
    await pool.close();
  };
  const waiter = createHeadWaiter(pool, {
    wsUrl: options.wsUrl ?? options.rpcUrls.find(isWs),
    pollIntervalMs: options.pollIntervalMs,
    timeoutMs: options.requestTimeoutMs,
    logger,
    onStop: close,
  });
  return {
    chainId,
    contracts: createEthCaller(pool),
    close,
    getHeadNumber: () => pool.head(),
    waitForHead: (afterBlock, signal) => waiter.waitForHead(afterBlock, signal),
    getBlockHeader: (blockNumber) => readHeader(pool, blockNumber),
    getLogs: createLogReader(pool, {
      maxBlockRange: options.maxBlockRange,
      bloomCheckDepth: options.bloomCheckDepth ?? DEFAULT_BLOOM_CHECK_DEPTH,
    }),
    getTransactionReceipts: (txHashes, atLeastBlock) => readReceipts(pool, txHashes, atLeastBlock),
    readPairTokens: (pair) => readPairTokens(pool, pair),
  };
}
