import type { ClickHouseClient } from '@clickhouse/client';
import type { LeaderboardMetric, LeaderboardPage, LeaderboardQuery } from '@tidemark/domain';
import { StoreInputError } from '../../errors';
import { select, type Params } from './sql';
import { totalsColumns, totalsFromRow, type TotalsRow } from './wallet-totals';
import * as v from './values';
import { snapshotHour } from './window-snapshots';
import { HOUR, floorTo, windowHours, windowParams, windowRanges, windowRows } from './windows';

const DEFAULT_MIN_CLOSES = 5;

/** Highest first; ties by wallet ascending, so ranks and pages are stable. */
function orderBy(metric: LeaderboardMetric, f: (column: string) => string): string {
  switch (metric) {
    case 'volume':
      return `${f('volume_usd')} DESC, wallet`;
    case 'realizedPnl':
      return `${f('realized_pnl_usd')} DESC, wallet`;
    case 'winRate':
      // Counts are far below 2^26, so the Float64 ratio orders exactly like the fraction.
      return `${f('wins')} / ${f('closes')} DESC, ${f('closes')} DESC, wallet`;
  }
}

function checkQuery(q: LeaderboardQuery): { offset: number; minCloses: number } {
  if (!['volume', 'realizedPnl', 'winRate'].includes(q.metric))
    throw new StoreInputError(`metric: expected volume, realizedPnl or winRate, got "${q.metric}"`);
  if (!['24h', '7d', '30d', 'all'].includes(q.window))
    throw new StoreInputError(`window: expected 24h, 7d, 30d or all, got "${q.window}"`);
  if (q.chainId !== undefined) v.chainId(q.chainId);
  v.unixTime(q.now, 'now');
  v.integer(q.first, 'first', 1, 100);
  return {
    offset: v.integer(q.after ?? 0, 'after', 0, 1_000_000),
    minCloses: v.integer(q.minCloses ?? DEFAULT_MIN_CLOSES, 'minCloses', 1, 1_000_000),
  };
}

const page = 'LIMIT {limit:UInt32} OFFSET {offset:UInt32}';

/** Rows that already hold one wallet's totals: all-time totals, or a window's snapshot. */
function rankRows(q: LeaderboardQuery, from: string): string {
  return `SELECT wallet, ${totalsColumns('plain')} FROM ${from} AND trades > 0
    ${q.metric === 'winRate' ? 'AND closes >= {minCloses:UInt32}' : ''}
    ORDER BY ${orderBy(q.metric, (c) => c)} ${page}`;
}

/** A window summed per request: for an hour without a valid snapshot. */
function rankWindow(q: LeaderboardQuery & { window: keyof typeof windowHours }): string {
  const chain = q.chainId === undefined ? '1' : 'chain_id = {scope:UInt32}';
  return `SELECT wallet, ${totalsColumns('sum')} FROM ${windowRows(chain, windowRanges(q.window, q.now), 'time')}
    GROUP BY wallet
    HAVING sum(trades) > 0 ${q.metric === 'winRate' ? 'AND sum(closes) >= {minCloses:UInt32}' : ''}
    ORDER BY ${orderBy(q.metric, (c) => `sum(${c})`)} ${page}`;
}

async function leaderboardSql(
  client: ClickHouseClient,
  q: LeaderboardQuery,
): Promise<{ sql: string; params: Params }> {
  const window = q.window;
  if (window === 'all') {
    return { sql: rankRows(q, 'wallet_totals FINAL WHERE chain_id = {scope:UInt32}'), params: {} };
  }
  if (window !== '24h' && window !== '7d' && window !== '30d')
    throw new StoreInputError(`window: expected 24h, 7d, 30d or all, got "${String(window)}"`);
  const asOf = floorTo(q.now, HOUR);
  if ((await snapshotHour(client, window)) === asOf) {
    const from = `wallet_window_totals FINAL WHERE window_h = {windowH:UInt16}
      AND as_of = toDateTime({asOf:UInt32}, 'UTC') AND scope = {scope:UInt32}`;
    return { sql: rankRows(q, from), params: { windowH: windowHours[window], asOf } };
  }
  return { sql: rankWindow({ ...q, window }), params: windowParams(windowRanges(window, q.now)) };
}

/** One page of ranked wallets; one row more than asked tells whether another page exists. */
export async function leaderboard(
  client: ClickHouseClient,
  q: LeaderboardQuery,
): Promise<LeaderboardPage> {
  const { offset, minCloses } = checkQuery(q);
  const { sql, params } = await leaderboardSql(client, q);
  const rows = await select<TotalsRow & { wallet: string }>(client, sql, {
    scope: q.chainId ?? 0,
    minCloses,
    limit: q.first + 1,
    offset,
    ...params,
  });
  return {
    entries: rows.slice(0, q.first).map((row, i) => ({
      rank: offset + i + 1,
      ...totalsFromRow(row.wallet, row),
    })),
    hasNextPage: rows.length > q.first,
  };
}
