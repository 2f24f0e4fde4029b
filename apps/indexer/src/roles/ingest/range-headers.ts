import { ChainReadError, type BlockHeader, type ChainReader } from '@tidemark/domain';
import type { CanonicalEvent } from '@tidemark/schema';

/**
 * The headers ingest checks a range against, oldest first: the range's first block (its parent
 * must be the last stored block) and its newest `depth` blocks (they enter the reorg window).
 */
export async function readRangeHeaders(
  chain: ChainReader,
  fromBlock: number,
  toBlock: number,
  depth: number,
): Promise<BlockHeader[]> {
  const numbers = new Set([fromBlock]);
  for (let n = Math.max(fromBlock, toBlock - depth + 1); n <= toBlock; n += 1) numbers.add(n);
  const headers = await Promise.all([...numbers].map((n) => chain.getBlockHeader(n)));
  return headers.sort((a, b) => a.number - b.number);
}

/**
 * Logs and headers come from separate calls, so a reorg between them could mix two forks in one
 * range. Any event whose block hash differs from the checked header of its block means exactly
 * that: the step is retried, never published.
 */
export function assertOneFork(
  chainId: number,
  events: readonly CanonicalEvent[],
  headers: readonly BlockHeader[],
): void {
  const byNumber = new Map(headers.map((h) => [h.number, h.hash.toLowerCase()]));
  for (const event of events) {
    if (event.type === 'ReorgV1') continue;
    const expected = byNumber.get(event.blockNumber);
    if (expected !== undefined && expected !== event.blockHash.toLowerCase()) {
      throw new ChainReadError(
        `chain ${chainId}: block ${event.blockNumber} changed while its range was read`,
        true,
      );
    }
  }
}
