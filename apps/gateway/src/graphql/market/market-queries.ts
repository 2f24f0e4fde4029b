import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { AnalyticsReader, Candle, CandleInterval, PoolStats } from '@tidemark/domain';
import { candleSeconds, toCandleRange, toChainId, toOpenRange } from './market-arguments';
import { badUserInput } from '../server/errors';
import { decodeListCursor, encodeListCursor } from '../paging/list-cursor';
import { pageByOffset } from '../paging/list-paging';
import {
  cursorArgument,
  listLimits,
  pageFlags,
  seriesLimits,
  toConnection,
  toPageRequest,
  type PageArgs,
  type PageRequest,
} from '../paging/paging';

/** What the market queries read: the analytics store and the gateway's clock (Unix seconds). */
export interface MarketDeps {
  analytics: AnalyticsReader;
  now(): number;
}

/** The `TimeRangeFilter` input. */
export interface TimeRangeInput {
  from?: number | null;
  to?: number | null;
}

export interface CandlesArgs extends PageArgs {
  chainId: number;
  pool: string;
  interval: CandleInterval;
  filter?: TimeRangeInput | null;
}

function toCandleView(c: Candle) {
  const { chainId: _chainId, pool: _pool, interval: _interval, bucket, ...figures } = c;
  return { time: bucket, ...figures };
}

const CandleKey = z.tuple([z.number().int().nonnegative()]);

/** [from, to) of one candles page: forward from after the cursor, backward up to it. */
function candlePageRange(
  args: CandlesArgs,
  request: PageRequest,
  key: number | undefined,
  now: number,
) {
  const filter = { interval: args.interval, ...args.filter };
  if (request.direction === 'backward') {
    const range = toOpenRange(filter, now);
    return key === undefined ? range : { from: range.from, to: Math.min(range.to, key) };
  }
  if (key === undefined) return toCandleRange(filter, request.size, now);
  const range = toOpenRange(filter, now);
  return { from: Math.max(range.from, key + candleSeconds[args.interval]), to: range.to };
}

/** `candles`: a time series, oldest first, its cursors holding each bucket's start. */
export async function candles(deps: MarketDeps, args: CandlesArgs, info?: GraphQLResolveInfo) {
  const chainId = toChainId(args.chainId);
  const request = toPageRequest(args, seriesLimits, info);
  const range = args.filter ?? {};
  const list = `the ${args.interval} candles of pool ${args.pool} on chain ${chainId} in [${range.from ?? ''}, ${range.to ?? ''})`;
  const key =
    request.cursor === undefined
      ? undefined
      : decodeListCursor(request.cursor, list, CandleKey, cursorArgument(request))[0];
  const { from, to } = candlePageRange(args, request, key, deps.now());
  const backward = request.direction === 'backward';
  const rows =
    from >= to
      ? []
      : await deps.analytics.candles({
          chainId,
          pool: args.pool,
          interval: args.interval,
          from,
          to,
          // One row more than asked says whether the list goes on in the paging direction.
          limit: request.size + 1,
          newestFirst: backward,
        });
  const page = backward
    ? rows.slice(Math.max(0, rows.length - request.size))
    : rows.slice(0, request.size);
  return toConnection(
    page.map(toCandleView),
    (c) => encodeListCursor(list, [c.time]),
    pageFlags(request, rows.length),
  );
}

export function toPoolView(stats: PoolStats) {
  const { chainId, pool, stateBlockNumber: _block, ...figures } = stats;
  return { chainId, address: pool, stats: figures };
}

export async function pool(deps: MarketDeps, args: { chainId: number; address: string }) {
  const chainId = toChainId(args.chainId);
  const stats = await deps.analytics.poolStats(chainId, args.address, deps.now());
  return stats === null ? null : toPoolView(stats);
}

/** An `XOrder` input; the ranked lists serve their field highest first only. */
export interface OrderInput<F extends string> {
  field: F;
  direction: 'ASC' | 'DESC';
}

/** Ranked lists are read highest first; ASC would need the store to rank the other way. */
export function descendingOnly(order: OrderInput<string>, what: string): void {
  if (order.direction !== 'DESC')
    throw badUserInput(
      `invalid orderBy.direction ${order.direction}: ${what} are served highest first only (DESC)`,
    );
}

export interface PoolsArgs extends PageArgs {
  filter?: { chainId?: number | null } | null;
  orderBy: OrderInput<'VOLUME_24H'>;
}

export async function pools(deps: MarketDeps, args: PoolsArgs, info?: GraphQLResolveInfo) {
  descendingOnly(args.orderBy, 'pools');
  const chainId =
    args.filter?.chainId == null ? undefined : toChainId(args.filter.chainId, 'filter.chainId');
  const request = toPageRequest(args, listLimits, info);
  const list = chainId === undefined ? 'pools of every chain' : `pools of chain ${chainId}`;
  const now = deps.now();
  return pageByOffset(list, request, async (after, first) => {
    const page = await deps.analytics.listPoolStats({ chainId, now, first, after });
    return { items: page.pools.map(toPoolView), hasNextPage: page.hasNextPage };
  });
}
