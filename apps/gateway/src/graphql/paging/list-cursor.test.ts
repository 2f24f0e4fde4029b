import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { OffsetKey, decodeListCursor, encodeListCursor } from './list-cursor';

describe('list cursors', () => {
  it('round-trips the key of the list it was issued for', () => {
    const cursor = encodeListCursor('pools of chain 1', [40]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(cursor, 'pools of chain 1', OffsetKey)).toEqual([40]);
    const tokenKey = z.tuple([z.number(), z.string()]);
    const position = encodeListCursor('positions', [1, '0xab']);
    expect(decodeListCursor(position, 'positions', tokenKey, 'before')).toEqual([1, '0xab']);
  });

  it('refuses a cursor of another list, saying which and in which argument', () => {
    const cursor = encodeListCursor('pools of chain 1', [40]);
    expect(() => decodeListCursor(cursor, 'pools of every chain', OffsetKey, 'before')).toThrow(
      'invalid cursor "before": it was issued for pools of chain 1, not pools of every chain; ask for the first page of this list without "before"',
    );
  });

  const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['not base64url', 'a cursor!'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['another version', encoded([2, 'pools of chain 1', [1]])],
    ['offset 0', encoded([1, 'pools of chain 1', [0]])],
    ['a fractional offset', encoded([1, 'pools of chain 1', [1.5]])],
    ['an offset past the deepest page', encoded([1, 'pools of chain 1', [1_000_001]])],
    ['a trade cursor', encoded([1, 1_700_000_000, 1, 2, 3])],
  ])('refuses %s as a cursor this API did not issue', (_name, cursor) => {
    expect(() => decodeListCursor(cursor, 'pools of chain 1', OffsetKey)).toThrow(
      /invalid cursor "after": .* is not a cursor this API issued/,
    );
  });
});
