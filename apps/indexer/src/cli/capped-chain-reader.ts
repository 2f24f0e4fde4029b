import type { ChainReader } from '@tidemark/domain';

/**
 * A chain reader whose head never goes past `lastBlock`: following it indexes up to that block
 * and then idles, which turns the live ingest loop into a bounded range job.
 */
export function capChainReader(chain: ChainReader, lastBlock: number): ChainReader {
  return {
    chainId: chain.chainId,
    getHeadNumber: async () => Math.min(lastBlock, await chain.getHeadNumber()),
    async waitForHead(afterBlock, signal) {
      if (afterBlock >= lastBlock) {
        if (signal.aborted) return lastBlock;
        return new Promise((resolve) =>
          signal.addEventListener('abort', () => resolve(lastBlock), { once: true }),
        );
      }
      return Math.min(lastBlock, await chain.waitForHead(afterBlock, signal));
    },
    getBlockHeader: (n) => chain.getBlockHeader(n),
    getLogs: (...args) => chain.getLogs(...args),
    getTransactionReceipts: (...args) => chain.getTransactionReceipts(...args),
    readPairTokens: (pool) => chain.readPairTokens(pool),
  };
}
