import { Kind, type GraphQLResolveInfo } from 'graphql';
import { badUserInput } from '../server/errors';

/** The Relay paging arguments every connection field takes. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** How big a page may be, and how big it is when neither `first` nor `last` is given. */
export interface PageLimits {
  defaultSize: number;
  maxSize: number;
}

export const listLimits: PageLimits = { defaultSize: 20, maxSize: 100 };
/** Time series (candles, PnL and balance history) page in larger steps. */
export const seriesLimits: PageLimits = { defaultSize: 100, maxSize: 1_000 };

/** One page asked for: `size` edges after `cursor` (forward) or before it (backward). */
export type PageRequest =
  | { direction: 'forward'; size: number; cursor: string | undefined }
  | { direction: 'backward'; size: number; cursor: string | undefined };

function checkSize(name: 'first' | 'last', value: number, limits: PageLimits): number {
  if (!Number.isInteger(value) || value < 1 || value > limits.maxSize)
    throw badUserInput(
      `invalid "${name}" ${value}: expected an integer from 1 to ${limits.maxSize}`,
    );
  return value;
}

/**
 * Whether the client wrote argument `name` on this field (a literal, or a variable it sent):
 * graphql-js fills in the schema default otherwise, which must not count as asking for it.
 */
function argumentGiven(info: GraphQLResolveInfo, name: string): boolean {
  const node = info.fieldNodes[0]?.arguments?.find((a) => a.name.value === name);
  if (node === undefined) return false;
  if (node.value.kind === Kind.VARIABLE) return info.variableValues[node.value.name.value] != null;
  return node.value.kind !== Kind.NULL;
}

/**
 * Validates the paging arguments: forward (`first`/`after`) or backward (`last`/`before`), never
 * a mix, since a page has one direction. `first`'s schema default only applies forward, so with
 * `info` a `first` the client did not write does not count. Retrying the same arguments cannot help.
 */
export function toPageRequest(
  args: PageArgs,
  limits: PageLimits = listLimits,
  info?: GraphQLResolveInfo,
): PageRequest {
  const firstGiven = info === undefined ? args.first != null : argumentGiven(info, 'first');
  const forward = firstGiven || args.after != null;
  const backward = args.last != null || args.before != null;
  if (forward && backward)
    throw badUserInput(
      'invalid paging: pass "first"/"after" to page forward or "last"/"before" to page backward, not both',
    );
  if (backward)
    return {
      direction: 'backward',
      size: args.last == null ? limits.defaultSize : checkSize('last', args.last, limits),
      cursor: args.before ?? undefined,
    };
  return {
    direction: 'forward',
    size: args.first == null ? limits.defaultSize : checkSize('first', args.first, limits),
    cursor: args.after ?? undefined,
  };
}

/** The argument a request's cursor came in, for error messages. */
export function cursorArgument(request: PageRequest): 'after' | 'before' {
  return request.direction === 'forward' ? 'after' : 'before';
}

interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A connection of nodes in list order, each with the cursor `cursorOf` issues for it. */
export function toConnection<T>(
  nodes: readonly T[],
  cursorOf: (node: T, index: number) => string,
  more: { hasNextPage: boolean; hasPreviousPage: boolean },
): Connection<T> {
  const edges = nodes.map((node, i) => ({ cursor: cursorOf(node, i), node }));
  return {
    edges,
    pageInfo: {
      ...more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * On a list read page by page, whether it goes on past the page: the store read one row more
 * than asked (`rows` > `size`) in the paging direction; the other side is known only as "the
 * client came from there" (it sent a cursor).
 */
export function pageFlags(request: PageRequest, rows: number) {
  const beyond = rows > request.size;
  const fromCursor = request.cursor !== undefined;
  return request.direction === 'forward'
    ? { hasNextPage: beyond, hasPreviousPage: fromCursor }
    : { hasNextPage: fromCursor, hasPreviousPage: beyond };
}

/**
 * PageInfo's Relay fields for connections built before they existed (or elsewhere): a page that
 * says nothing about what precedes it reports nothing there.
 */
export const pageInfoResolvers = {
  hasPreviousPage: (info: Partial<PageInfo>) => info.hasPreviousPage ?? false,
  startCursor: (info: Partial<PageInfo>) => info.startCursor ?? null,
};
