import { describe, expect, it } from 'vitest';
import { decodeListCursor, encodeListCursor } from './list-cursor';

describe('list cursors', () => {
  it('round-trips the offset of the list it was issued for', () => {
    const cursor = encodeListCursor({ list: 'pools of chain 1', offset: 40 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeListCursor(cursor, 'pools of chain 1')).toBe(40);
  });

  it('refuses a cursor of another list, saying which', () => {
    const cursor = encodeListCursor({ list: 'pools of chain 1', offset: 40 });
    expect(() => decodeListCursor(cursor, 'pools of every chain')).toThrow(
      'invalid cursor "after": it was issued for pools of chain 1, not pools of every chain; ask for the first page of this list without "after"',
    );
  });

  const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['not base64url', 'a cursor!'],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['another version', encoded([2, 'pools of chain 1', 1])],
    ['offset 0', encoded([1, 'pools of chain 1', 0])],
    ['a fractional offset', encoded([1, 'pools of chain 1', 1.5])],
    ['an offset past the deepest page', encoded([1, 'pools of chain 1', 1_000_001])],
    ['a trade cursor', encoded([1, 1_700_000_000, 1, 2, 3])],
  ])('refuses %s as a cursor this API did not issue', (_name, cursor) => {
    expect(() => decodeListCursor(cursor, 'pools of chain 1')).toThrow(
      /is not a cursor this API issued/,
    );
  });
});
