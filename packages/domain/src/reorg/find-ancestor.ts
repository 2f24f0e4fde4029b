import type { StoredBlock } from './block-window';

export type AncestorSearch =
  | { kind: 'found'; ancestor: StoredBlock; orphaned: StoredBlock[] }
  /** The canonical hashes given do not reach far enough down: ask for `numbers` too. */
  | { kind: 'need'; numbers: number[] }
  /** Every stored block differs from the chain: the fork is below the window. */
  | { kind: 'too-deep' };

/**
 * Walks the stored window from its newest block down, comparing each stored hash with the chain's
 * hash at that number. The first equal pair is the common ancestor; every stored block above it is
 * orphaned. `canonical` maps block numbers to the chain's hashes; a number missing from it that the
 * walk reaches is asked for (at most `batch` at a time). A stored block above the chain's head is
 * orphaned (pass `head`).
 */
export function findCommonAncestor(
  window: readonly StoredBlock[],
  canonical: ReadonlyMap<number, string>,
  head: number,
  batch = 16,
): AncestorSearch {
  const newestFirst = [...window].sort((a, b) => b.number - a.number);
  const orphaned: StoredBlock[] = [];
  for (const [i, stored] of newestFirst.entries()) {
    if (stored.number > head) {
      orphaned.unshift(stored);
      continue;
    }
    const hash = canonical.get(stored.number);
    if (hash === undefined) {
      const numbers = newestFirst
        .slice(i, i + batch)
        .map((b) => b.number)
        .filter((n) => n <= head && !canonical.has(n));
      return { kind: 'need', numbers };
    }
    if (hash.toLowerCase() === stored.hash.toLowerCase()) {
      return { kind: 'found', ancestor: stored, orphaned };
    }
    orphaned.unshift(stored);
  }
  return { kind: 'too-deep' };
}
