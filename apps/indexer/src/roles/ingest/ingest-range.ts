import {
  buildRangeEvents,
  decodeLog,
  IndexedTopics,
  type BlockHeader,
  type ChainReader,
  type DecodedEntry,
  type RangeEvents,
} from '@tidemark/domain';
import type { PoolRegistry } from './pool-registry';

/** Reads and decodes one block range into canonical events, in chain order. */
export async function ingestRange(
  chain: ChainReader,
  pools: PoolRegistry,
  fromBlock: number,
  toBlock: number,
): Promise<RangeEvents & { lastHeader: BlockHeader }> {
  const logs = await chain.getLogs(fromBlock, toBlock, IndexedTopics);
  const decodedLogs: DecodedEntry[] = [];
  for (const log of logs) {
    const decoded = decodeLog(log);
    if (decoded) decodedLogs.push({ log, decoded });
  }
  // Keeps what the chain's pool discovery indexes; stores new pools and token metadata.
  const { entries, pools: poolTokens } = await pools.admit(decodedLogs, fromBlock);
  const swaps = entries.filter((e) => e.decoded.kind === 'swapV2' || e.decoded.kind === 'swapV3');
  const blockNumbers = new Set(entries.map((e) => e.log.blockNumber)).add(toBlock);
  const [headerList, receipts] = await Promise.all([
    Promise.all([...blockNumbers].map((n) => chain.getBlockHeader(n))),
    // The trader (the transaction's sender) and the gas it paid.
    chain.getTransactionReceipts(
      [...new Set(swaps.map((e) => e.log.transactionHash.toLowerCase()))],
      toBlock,
    ),
  ]);
  const headers = new Map(headerList.map((h) => [h.number, h]));
  const built = buildRangeEvents({
    chainId: chain.chainId,
    entries,
    headers,
    receipts,
    pools: poolTokens,
    lastBlock: toBlock,
  });
  const lastHeader = headers.get(toBlock);
  if (!lastHeader) throw new Error(`missing header of block ${toBlock}`);
  return { ...built, lastHeader };
}
