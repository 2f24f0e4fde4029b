import type { z } from 'zod';
import { badUserInput } from '../server/errors';
import { OffsetKey, decodeListCursor, encodeListCursor, type CursorKey } from './list-cursor';
import { cursorArgument, toConnection, type Connection, type PageRequest } from './paging';

function compareKeys(a: CursorKey, b: CursorKey): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

export interface KeyedList<T, K extends CursorKey> {
  /** Names the list in its cursors: field, scope and filter. */
  list: string;
  /** The node's sort key: items are in ascending key order. */
  keyOf(item: T): K;
  key: z.ZodType<K>;
}

/**
 * Pages a list read whole (sorted by its key): a cursor holds a node's key, so it still points
 * at the right place when nodes were added or removed since. Both sides are exact, and the count
 * is free.
 */
export function pageOfList<T, K extends CursorKey>(
  items: readonly T[],
  spec: KeyedList<NoInfer<T>, K>,
  request: PageRequest,
): Connection<T> & { totalCount: number } {
  const key =
    request.cursor === undefined
      ? undefined
      : decodeListCursor(request.cursor, spec.list, spec.key, cursorArgument(request));
  // Items strictly after the cursor start at `after`; those strictly before it end at `before`.
  const firstAtOrAfter = (k: CursorKey, strict: boolean) => {
    const i = items.findIndex((item) => {
      const c = compareKeys(spec.keyOf(item), k);
      return strict ? c > 0 : c >= 0;
    });
    return i === -1 ? items.length : i;
  };
  let start: number;
  let end: number;
  if (request.direction === 'forward') {
    start = key === undefined ? 0 : firstAtOrAfter(key, true);
    end = Math.min(items.length, start + request.size);
  } else {
    end = key === undefined ? items.length : firstAtOrAfter(key, false);
    start = Math.max(0, end - request.size);
  }
  const page = toConnection(
    items.slice(start, end),
    (item) => encodeListCursor(spec.list, spec.keyOf(item)),
    { hasNextPage: end < items.length, hasPreviousPage: start > 0 },
  );
  return { ...page, totalCount: items.length };
}

/** A page of a ranked list the store reads by offset: `first` entries after the `after`th. */
export type OffsetRead<T> = (
  after: number,
  first: number,
) => Promise<{ items: T[]; hasNextPage: boolean }>;

/**
 * Pages a ranked list the store reads by offset (leaderboards, pools). The list is not counted,
 * so paging backward starts from a cursor (`last` needs `before`).
 */
export async function pageByOffset<T>(
  list: string,
  request: PageRequest,
  read: OffsetRead<T>,
): Promise<Connection<T>> {
  const offset =
    request.cursor === undefined
      ? undefined
      : decodeListCursor(request.cursor, list, OffsetKey, cursorArgument(request))[0];
  const cursorOf = (start: number) => (_item: T, i: number) =>
    encodeListCursor(list, [start + i + 1]);
  if (request.direction === 'forward') {
    const after = offset ?? 0;
    const page = await read(after, request.size);
    return toConnection(page.items, cursorOf(after), {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after > 0,
    });
  }
  if (offset === undefined)
    throw badUserInput(
      `invalid paging: "last" needs "before" on ${list} (it is not counted); page forward with "first", or back from a cursor`,
    );
  const start = Math.max(0, offset - 1 - request.size);
  const count = offset - 1 - start;
  const items = count === 0 ? [] : (await read(start, count)).items;
  return toConnection(items, cursorOf(start), { hasNextPage: true, hasPreviousPage: start > 0 });
}
