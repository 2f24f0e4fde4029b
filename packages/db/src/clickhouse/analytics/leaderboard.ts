import type { ClickHouseClient } from '@clickhouse/client';
import type { LeaderboardMetric, LeaderboardPage, LeaderboardQuery } from '@tidemark/domain';
import { StoreInputError } from '../../errors';
import { pointRead, select, type Params } from './sql';
import { totalsColumns, totalsFromRow, type TotalsRow } from './wallet-totals';
import * as v from './values';
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

type RankedRow = TotalsRow & { wallet: string };

/**
 * A window's page from the snapshot of now's hour, in one query that also checks the snapshot is
 * the valid one; no rows when it is not (or when the page is empty), and the caller sums instead.
 */
function fromSnapshot(q: LeaderboardQuery, windowH: number, asOf: number) {
  const from = `wallet_window_totals FINAL WHERE window_h = {windowH:UInt16}
    AND as_of = toDateTime({asOf:UInt32}, 'UTC') AND scope = {scope:UInt32}
    AND {asOf:UInt32} = (SELECT toUnixTimestamp(as_of) FROM wallet_window_snapshots FINAL
      WHERE window_h = {windowH:UInt16} ORDER BY as_of DESC LIMIT 1)`;
  return { sql: rankRows(q, from), params: { windowH, asOf } };
}

async function rankedRows(
  client: ClickHouseClient,
  q: LeaderboardQuery,
  base: Params,
): Promise<RankedRow[]> {
  const window = q.window;
  if (window === 'all') {
    const sql = rankRows(q, 'wallet_totals FINAL WHERE chain_id = {scope:UInt32}');
    return select<RankedRow>(client, sql, base, pointRead);
  }
  if (window !== '24h' && window !== '7d' && window !== '30d')
    throw new StoreInputError(`window: expected 24h, 7d, 30d or all, got "${String(window)}"`);
  const snapshot = fromSnapshot(q, windowHours[window], floorTo(q.now, HOUR));
  const rows = await select<RankedRow>(
    client,
    snapshot.sql,
    { ...base, ...snapshot.params },
    pointRead,
  );
  if (rows.length > 0) return rows;
  // No valid snapshot of this hour (or an empty page, which summing answers alike).
  const params = { ...base, ...windowParams(windowRanges(window, q.now)) };
  return select<RankedRow>(client, rankWindow({ ...q, window }), params);
}

/** One page of ranked wallets; one row more than asked tells whether another page exists. */
export async function leaderboard(
  client: ClickHouseClient,
  q: LeaderboardQuery,
): Promise<LeaderboardPage> {
  const { offset, minCloses } = checkQuery(q);
  const rows = await rankedRows(client, q, {
    scope: q.chainId ?? 0,
    minCloses,
    limit: q.first + 1,
    offset,
  });
  return {
    entries: rows.slice(0, q.first).map((row, i) => ({
      rank: offset + i + 1,
      ...totalsFromRow(row.wallet, row),
    })),
    hasNextPage: rows.length > q.first,
  };
}
