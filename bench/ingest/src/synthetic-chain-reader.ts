import type { BlockHeader, ChainReader, RawLog, TransactionReceipt } from '@tidemark/domain';
import type { SyntheticMarket } from './synthetic-market';

const GWEI = 1_000_000_000n;

/** A generated transaction's receipt, with gas figures that vary by block but never by run. */
function receiptOf(market: SyntheticMarket, hash: string): TransactionReceipt | undefined {
  const block = market.blockOfHash(hash);
  const from = market.senderOfHash(hash);
  if (block === undefined || from === undefined) return undefined;
  return {
    from,
    blockHash: market.header(block).hash,
    gasUsed: 100_000n + BigInt(block % 97) * 1_000n,
    effectiveGasPrice: (10n + BigInt(block % 40)) * GWEI,
  };
}

/**
 * A chain reader over a generated market: answers like a node whose chain is already complete,
 * so the ingest role backfills it as fast as it can and then idles at the head.
 */
export function createSyntheticChainReader(chainId: number, market: SyntheticMarket): ChainReader {
  const head = market.lastBlock;
  return {
    chainId,
    getHeadNumber: () => Promise.resolve(head),
    waitForHead(afterBlock, signal) {
      if (afterBlock < head || signal.aborted) return Promise.resolve(head);
      // The chain never grows: wait for the stop signal, then answer with the same head.
      return new Promise((resolve) =>
        signal.addEventListener('abort', () => resolve(head), { once: true }),
      );
    },
    getBlockHeader(blockNumber): Promise<BlockHeader> {
      return Promise.resolve(market.header(blockNumber));
    },
    getLogs(fromBlock, toBlock, topics, addresses): Promise<RawLog[]> {
      const wanted = new Set(topics);
      const from = addresses && new Set(addresses.map((a) => a.toLowerCase()));
      const logs: RawLog[] = [];
      for (let n = fromBlock; n <= toBlock; n++)
        for (const log of market.logsOf(n))
          if (wanted.has(log.topics[0] ?? '') && (!from || from.has(log.address))) logs.push(log);
      return Promise.resolve(logs);
    },
    getTransactionReceipts(txHashes) {
      const receipts = new Map<string, TransactionReceipt>();
      for (const hash of txHashes) {
        const receipt = receiptOf(market, hash);
        if (receipt) receipts.set(hash, receipt);
      }
      return Promise.resolve(receipts);
    },
    readPairTokens(pool) {
      const found = market.pool(pool);
      return Promise.resolve(found ? { token0: found.token0, token1: found.token1 } : null);
    },
  };
}
