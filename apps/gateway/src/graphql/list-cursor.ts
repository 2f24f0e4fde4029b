import { z } from 'zod';
import { badUserInput } from './errors';

/** The deepest position a ranked list pages to (the stores' bound on offsets). */
export const maxListOffset = 1_000_000;

/**
 * A position in a ranked list (leaderboard, pools): how many entries came before, and which list
 * it was issued for, so that a cursor of one list is not silently applied to another.
 */
export interface ListCursor {
  list: string;
  offset: number;
}

/** Version tag first, so the encoding can change without misreading old cursors. */
const CursorTuple = z.tuple([
  z.literal(1),
  z.string().min(1).max(200),
  z.number().int().min(1).max(maxListOffset),
]);

export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([1, cursor.list, cursor.offset]), 'utf8').toString('base64url');
}

function notIssued(cursor: string): never {
  throw badUserInput(
    `invalid cursor "after": ${JSON.stringify(cursor)} is not a cursor this API issued`,
  );
}

/**
 * The offset after which the next page starts. A cursor we did not issue, or one issued for
 * another list (other metric, window or chain), is BAD_USER_INPUT: start again without `after`.
 */
export function decodeListCursor(cursor: string, list: string): number {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    notIssued(cursor);
  }
  const parsed = CursorTuple.safeParse(value);
  if (!parsed.success) notIssued(cursor);
  const [, issuedFor, offset] = parsed.data;
  if (issuedFor !== list) {
    throw badUserInput(
      `invalid cursor "after": it was issued for ${issuedFor}, not ${list}; ` +
        'ask for the first page of this list without "after"',
    );
  }
  return offset;
}
