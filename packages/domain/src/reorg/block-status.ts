import type { BlockStatus } from '@tidemark/schema';

/** The newest block at least `confirmations` below `head`, or null when there is none yet. */
export function finalizedBlockAt(head: number, confirmations: number): number | null {
  const finalized = head - confirmations;
  return finalized >= 0 ? finalized : null;
}

/** A block is final once it is `confirmations` deep: a reorg that deep is not expected. */
export function blockStatusAt(
  blockNumber: number,
  head: number,
  confirmations: number,
): BlockStatus {
  const finalized = finalizedBlockAt(head, confirmations);
  return finalized !== null && blockNumber <= finalized ? 'finalized' : 'latest';
}
