import { z } from 'zod';
import { badUserInput } from '../server/errors';

/** The deepest position an offset-paged list (leaderboard, pools) pages to (the stores' bound). */
const maxListOffset = 1_000_000;

/** Where in its list an edge is: an offset, or the sort key of its node. */
export type CursorKey = readonly (string | number)[];

/**
 * An opaque, URL-safe cursor naming the list it was issued for (field, scope and filter, spelled
 * as the API does), so that a cursor of one list is not silently applied to another.
 */
export function encodeListCursor(list: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([1, list, key]), 'utf8').toString('base64url');
}

function notIssued(cursor: string, argument: string): never {
  throw badUserInput(
    `invalid cursor "${argument}": ${JSON.stringify(cursor)} is not a cursor this API issued`,
  );
}

/** Version tag first, so the encoding can change without misreading old cursors. */
const Envelope = z.tuple([z.literal(1), z.string().min(1).max(300), z.array(z.unknown()).max(8)]);

/**
 * The key of a cursor sent back in `argument` ("after" or "before"). A cursor we did not issue,
 * or one issued for another list (other field, filter, order or chain), is BAD_USER_INPUT.
 */
export function decodeListCursor<K extends CursorKey>(
  cursor: string,
  list: string,
  key: z.ZodType<K>,
  argument = 'after',
): K {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    notIssued(cursor, argument);
  }
  const envelope = Envelope.safeParse(value);
  if (!envelope.success) notIssued(cursor, argument);
  const [, issuedFor, rawKey] = envelope.data;
  if (issuedFor !== list) {
    throw badUserInput(
      `invalid cursor "${argument}": it was issued for ${issuedFor}, not ${list}; ` +
        `ask for the first page of this list without "${argument}"`,
    );
  }
  const parsed = key.safeParse(rawKey);
  if (!parsed.success) notIssued(cursor, argument);
  return parsed.data;
}

/** The key of an offset-paged list: how many entries precede (and include) the edge. */
export const OffsetKey = z.tuple([z.number().int().min(1).max(maxListOffset)]);
