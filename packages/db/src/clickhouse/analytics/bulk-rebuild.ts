import type { ClickHouseClient } from '@clickhouse/client';
import { StoreInputError } from '../../errors';
import { rebuildCandleRange } from './recompute-candles';
import { rebuildRanges } from './recompute-wallets';
import { command } from './sql';
import * as v from './values';
import { rebuildSnapshots } from './window-snapshots';
import { DAY, ceilTo, floorTo } from './windows';

/** What the rebuild rewrites, compacted afterwards (pool_activity and the wallet-first copies too). */
const rebuilt = [
  'candles',
  'pool_activity',
  'wallet_activity',
  'wallet_hours',
  'wallet_activity_daily',
  'wallet_days',
  'wallet_totals',
] as const;

/** Days per statement: bounds the rows one GROUP BY holds (about 1M trades at 10M over 60 days). */
const DAYS_PER_STATEMENT = 6;

/**
 * Rebuilds candles and hourly and daily wallet activity over [from, to), widened to whole UTC
 * days, a few days per statement, then every wallet's totals and the valid leaderboard snapshots.
 * Each statement is the incremental rebuild's, scoped by time instead of by keys. Last, the tables
 * are merged down (OPTIMIZE FINAL): a point read then opens one part's files per partition
 * instead of one per statement, which halves its time on chDB.
 */
export async function rebuildDerived(
  client: ClickHouseClient,
  from: number,
  to: number,
): Promise<void> {
  v.unixTime(from, 'from');
  v.unixTime(to, 'to');
  if (from > to) throw new StoreInputError(`rebuildDerived: from (${from}) is after to (${to})`);
  const lo = floorTo(from, DAY);
  const hi = Math.max(ceilTo(to, DAY), lo + DAY);
  for (let start = lo; start < hi; start += DAYS_PER_STATEMENT * DAY) {
    const range = { lo: start, hi: Math.min(hi, start + DAYS_PER_STATEMENT * DAY) };
    await command(client, rebuildCandleRange, range);
    await command(client, rebuildRanges.hours, range);
    await command(client, rebuildRanges.days, range);
  }
  await command(client, rebuildRanges.totals, {});
  await rebuildSnapshots(client);
  for (const table of rebuilt) await command(client, `OPTIMIZE TABLE ${table} FINAL`, {});
}
