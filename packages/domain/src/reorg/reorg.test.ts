import { describe, expect, it } from 'vitest';
import { blockStatusAt, finalizedBlockAt } from './block-status';
import { findChainBreak, trimWindow, type StoredBlock } from './block-window';
import { findCommonAncestor } from './find-ancestor';

const hash = (fork: string, n: number): `0x${string}` =>
  `0x${fork}${n.toString(16).padStart(63, '0')}`;
const block = (fork: string, n: number): StoredBlock => ({ number: n, hash: hash(fork, n) });
const header = (fork: string, n: number, parentFork = fork) => ({
  number: n,
  hash: hash(fork, n),
  parentHash: hash(parentFork, n - 1),
});
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('findChainBreak', () => {
  it('accepts headers that extend the stored block and each other', () => {
    const headers = range(11, 14).map((n) => header('a', n));
    expect(findChainBreak(block('a', 10), headers)).toBeNull();
  });

  it('reports the first header whose parent is not the stored block', () => {
    expect(findChainBreak(block('a', 10), [header('b', 11), header('b', 12)])).toBe(11);
  });

  it('reports a break inside the range', () => {
    const headers = [header('a', 11), header('a', 12), header('b', 13), header('b', 14)];
    expect(findChainBreak(block('a', 10), headers)).toBe(13);
  });

  it('compares hashes case-insensitively and needs no stored block', () => {
    const h = header('a', 5);
    expect(
      findChainBreak(null, [h, { ...header('a', 6), parentHash: h.hash.toUpperCase() }]),
    ).toBeNull();
  });
});

describe('findCommonAncestor', () => {
  const window = range(1, 10).map((n) => block('a', n));

  it('finds the newest shared block and lists the orphaned ones oldest first', () => {
    const chain = new Map(range(1, 12).map((n) => [n, hash(n <= 7 ? 'a' : 'b', n)]));
    const found = findCommonAncestor(window, chain, 12);
    expect(found).toEqual({
      kind: 'found',
      ancestor: block('a', 7),
      orphaned: [block('a', 8), block('a', 9), block('a', 10)],
    });
  });

  it('asks for the chain hashes it lacks, newest first, in batches', () => {
    expect(findCommonAncestor(window, new Map(), 20, 4)).toEqual({
      kind: 'need',
      numbers: [10, 9, 8, 7],
    });
    const partial = new Map(range(7, 10).map((n) => [n, hash('b', n)]));
    expect(findCommonAncestor(window, partial, 20, 4)).toEqual({
      kind: 'need',
      numbers: [6, 5, 4, 3],
    });
  });

  it('treats stored blocks above the head as orphaned', () => {
    const chain = new Map(range(1, 8).map((n) => [n, hash('a', n)]));
    const found = findCommonAncestor(window, chain, 8);
    expect(found.kind === 'found' && found.ancestor.number).toBe(8);
    expect(found.kind === 'found' && found.orphaned.map((b) => b.number)).toEqual([9, 10]);
  });

  it('says too deep when no stored block is canonical', () => {
    const chain = new Map(range(1, 10).map((n) => [n, hash('b', n)]));
    expect(findCommonAncestor(window, chain, 10)).toEqual({ kind: 'too-deep' });
  });
});

describe('trimWindow', () => {
  it('keeps the newest blocks, one per number, oldest first', () => {
    const blocks = [block('a', 3), block('a', 1), block('a', 2), block('b', 3)];
    expect(trimWindow(blocks, 2)).toEqual([block('a', 2), block('b', 3)]);
  });
});

describe('block status', () => {
  it('is finalized at or below head - confirmations', () => {
    expect(finalizedBlockAt(100, 12)).toBe(88);
    expect(finalizedBlockAt(5, 12)).toBeNull();
    expect(blockStatusAt(88, 100, 12)).toBe('finalized');
    expect(blockStatusAt(89, 100, 12)).toBe('latest');
    expect(blockStatusAt(0, 5, 12)).toBe('latest');
  });
});
