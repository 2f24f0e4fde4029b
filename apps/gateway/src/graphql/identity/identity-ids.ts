import { z } from 'zod';
import type { SeqPageRequest } from '@tidemark/domain';
import { NotFoundError } from '../../auth/errors';
import { decodeListCursor, encodeListCursor } from '../paging/list-cursor';
import { cursorArgument, toConnection, toPageRequest, type PageArgs } from '../paging/paging';

/** The kinds of object identity resolvers address by opaque id. */
export type IdentityKind = 'User' | 'ApiKey' | 'WatchlistEntry';

/** An opaque id: base64url of the kind and the store's id, so ids of two kinds never mix. */
export const toGlobalId = (kind: IdentityKind, id: string): string =>
  Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');

/**
 * The store id inside an opaque id of `kind`. Anything else (malformed, another kind) is NOT_FOUND,
 * the same answer as an unknown id or another user's, so ids cannot be probed.
 */
export function fromGlobalId(kind: IdentityKind, globalId: string, what: string): string {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(globalId)
    ? Buffer.from(globalId, 'base64url').toString('utf8')
    : '';
  if (!decoded.startsWith(`${kind}:`) || decoded.length === kind.length + 1)
    throw new NotFoundError(what);
  return decoded.slice(kind.length + 1);
}

const SeqKey = z.tuple([z.number().int().min(1)]);

/** Validates Relay paging arguments and turns a cursor into the store's position. */
export function toSeqPage(list: string, args: PageArgs): SeqPageRequest {
  const request = toPageRequest(args);
  if (request.cursor === undefined) return { direction: request.direction, size: request.size };
  const [seq] = decodeListCursor(request.cursor, list, SeqKey, cursorArgument(request));
  return { direction: request.direction, size: request.size, seq };
}

/** A connection over a page of a user's list (items in creation order). */
export function seqConnection<T extends { seq: number }, V>(
  list: string,
  request: SeqPageRequest,
  page: { items: T[]; hasMore: boolean },
  view: (item: T) => V,
) {
  const fromCursor = request.seq !== undefined;
  const flags =
    request.direction === 'forward'
      ? { hasNextPage: page.hasMore, hasPreviousPage: fromCursor }
      : { hasNextPage: fromCursor, hasPreviousPage: page.hasMore };
  const connection = toConnection(page.items, (item) => encodeListCursor(list, [item.seq]), flags);
  return {
    ...connection,
    edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: view(edge.node) })),
  };
}
