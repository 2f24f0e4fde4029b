import type { BlockId } from '@tidemark/schema';
import type { BlockHeader } from '../ports/chain-reader';

/** A block the ingest role has published, as it stored it. */
export type StoredBlock = BlockId;

/**
 * Thrown when the chain replaced more blocks than the persisted window remembers: the common
 * ancestor cannot be found, so the stores cannot be rolled back. Retrying cannot help.
 */
export class ReorgTooDeepError extends Error {
  readonly retryable = false;
  constructor(
    readonly chainId: number,
    readonly windowSize: number,
    readonly oldestStored: number | null,
  ) {
    super(
      `chain ${chainId}: reorg deeper than the window of ${windowSize} blocks` +
        (oldestStored === null ? '' : ` (no stored block from ${oldestStored} on is canonical)`) +
        '; ingest stopped, re-index from a block before the fork',
    );
    this.name = 'ReorgTooDeepError';
  }
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The newest `size` blocks of `blocks` (any order in, oldest first out, one per number). */
export function trimWindow(blocks: readonly StoredBlock[], size: number): StoredBlock[] {
  const byNumber = new Map<number, StoredBlock>();
  for (const b of blocks) byNumber.set(b.number, b);
  return [...byNumber.values()].sort((a, b) => a.number - b.number).slice(-size);
}

/**
 * Where a run of new headers breaks: the number of the first header that does not extend the block
 * before it (the stored `previous`, then each other), or null when they chain up. Headers must be
 * consecutive and oldest first.
 */
export function findChainBreak(
  previous: StoredBlock | null,
  headers: readonly Pick<BlockHeader, 'number' | 'hash' | 'parentHash'>[],
): number | null {
  let before: { number: number; hash: string } | null = previous;
  for (const h of headers) {
    if (before && before.number === h.number - 1 && !same(h.parentHash, before.hash))
      return h.number;
    before = { number: h.number, hash: h.hash };
  }
  return null;
}
