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
  const entries: DecodedEntry[] = [];
  for (const log of logs) {
    const decoded = decodeLog(log);
    if (decoded) entries.push({ log, decoded });
  }
  for (const { decoded } of entries) {
    if (decoded.kind === 'pairCreated') pools.learn(decoded.pair, decoded);
  }
  const swaps = entries.filter((e) => e.decoded.kind === 'swapV2');
  const blockNumbers = new Set(entries.map((e) => e.log.blockNumber)).add(toBlock);
  const [headerList, senders, poolTokens] = await Promise.all([
    Promise.all([...blockNumbers].map((n) => chain.getBlockHeader(n))),
    chain.getTransactionSenders([
      ...new Set(swaps.map((e) => e.log.transactionHash.toLowerCase())),
    ]),
    pools.resolve(swaps.map((e) => e.log.address.toLowerCase())),
  ]);
  const headers = new Map(headerList.map((h) => [h.number, h]));
  const built = buildRangeEvents({
    chainId: chain.chainId,
    entries,
    headers,
    senders,
    pools: poolTokens,
    lastBlock: toBlock,
  });
  const lastHeader = headers.get(toBlock);
  if (!lastHeader) throw new Error(`missing header of block ${toBlock}`);
  return { ...built, lastHeader };
}
