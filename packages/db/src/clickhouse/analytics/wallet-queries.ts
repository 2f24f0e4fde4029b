import type { ClickHouseClient } from '@clickhouse/client';
import {
  formatFixed,
  parseFixed,
  type PnlHistoryPoint,
  type PnlHistoryQuery,
  type WalletActivityQuery,
  type WalletTotals,
} from '@tidemark/domain';
import { StoreInputError } from '../../errors';
import { pointRead, select } from './sql';
import { totalsColumns, totalsFromRow, type TotalsRow } from './wallet-totals';
import * as v from './values';
import { DAY, HOUR, ceilTo, floorTo, windowParams, windowRanges, windowRows } from './windows';

/** A wallet's totals over a window: whole days and edge hours, or its all-time totals row. */
export async function walletActivity(
  client: ClickHouseClient,
  q: WalletActivityQuery,
): Promise<WalletTotals> {
  const wallet = v.address(q.wallet, 'wallet');
  if (q.chainId !== undefined) v.chainId(q.chainId);
  v.unixTime(q.now, 'now');
  const scope = q.chainId ?? 0;
  const window = q.window;
  let rows: TotalsRow[];
  if (window === 'all') {
    rows = await select<TotalsRow>(
      client,
      `SELECT ${totalsColumns('plain')} FROM wallet_totals FINAL
       WHERE chain_id = {scope:UInt32} AND wallet = {wallet:String} AND trades > 0`,
      { scope, wallet },
      pointRead,
    );
  } else if (window === '24h' || window === '7d' || window === '30d') {
    const chain = q.chainId === undefined ? '1' : 'chain_id = {scope:UInt32}';
    const ranges = windowRanges(window, q.now);
    rows = await select<TotalsRow>(
      client,
      `SELECT ${totalsColumns('sum')}
       FROM ${windowRows(`${chain} AND wallet = {wallet:String}`, ranges, 'wallet')}
       HAVING sum(trades) > 0`,
      { scope, wallet, ...windowParams(ranges) },
      pointRead,
    );
  } else {
    throw new StoreInputError(`window: expected 24h, 7d, 30d or all, got "${String(window)}"`);
  }
  return totalsFromRow(wallet, rows[0]);
}

const MAX_HOURLY_SPAN = 31 * DAY;

/**
 * Points from the wallet-first hourly or daily rows, in one query. The realized PnL before the
 * first bucket is the all-time total less everything from that bucket on (its hours up to the next
 * whole day, then whole days), so no query reads the wallet's whole history hour by hour; those
 * three sums are scalar subqueries, computed once and repeated on every point.
 */
function pnlSql(bucket: PnlHistoryQuery['bucket'], chain: string): string {
  const hourly = `FROM wallet_hours FINAL WHERE wallet = {wallet:String} AND ${chain}`;
  const daily = `FROM wallet_days FINAL WHERE wallet = {wallet:String} AND ${chain}`;
  const points =
    bucket === '1h'
      ? `SELECT toUnixTimestamp(hour) AS bucket, toString(sum(realized_pnl_usd)) AS pnl ${hourly}
         AND hour >= toDateTime({from:UInt32}, 'UTC') AND hour < toDateTime({to:UInt32}, 'UTC')
         AND trades > 0 GROUP BY hour ORDER BY hour`
      : `SELECT toUnixTimestamp(day) AS bucket, toString(sum(realized_pnl_usd)) AS pnl ${daily}
         AND day >= toDateTime({from:UInt32}, 'UTC') AND day < toDateTime({to:UInt32}, 'UTC')
         AND trades > 0 GROUP BY day ORDER BY day`;
  return `SELECT bucket, pnl,
    (SELECT toString(sum(realized_pnl_usd)) FROM wallet_totals FINAL
      WHERE chain_id = {scope:UInt32} AND wallet = {wallet:String}) AS total,
    (SELECT toString(sum(realized_pnl_usd)) ${hourly}
      AND hour >= toDateTime({from:UInt32}, 'UTC') AND hour < toDateTime({firstDay:UInt32}, 'UTC')) AS head,
    (SELECT toString(sum(realized_pnl_usd)) ${daily}
      AND day >= toDateTime({firstDay:UInt32}, 'UTC')) AS rest
  FROM (${points})
  ORDER BY bucket`;
}

export async function pnlHistory(
  client: ClickHouseClient,
  q: PnlHistoryQuery,
): Promise<PnlHistoryPoint[]> {
  const wallet = v.address(q.wallet, 'wallet');
  if (q.chainId !== undefined) v.chainId(q.chainId);
  if (q.bucket !== '1h' && q.bucket !== '1d')
    throw new StoreInputError(`bucket: expected 1h or 1d, got "${String(q.bucket)}"`);
  const unit = q.bucket === '1h' ? HOUR : DAY;
  const from = floorTo(v.unixTime(q.from, 'from'), unit);
  const to = v.unixTime(q.to, 'to');
  if (to < from) throw new StoreInputError(`pnlHistory: to (${q.to}) is before from (${q.from})`);
  if (q.bucket === '1h' && to - from > MAX_HOURLY_SPAN)
    throw new StoreInputError('pnlHistory: 1h buckets cover at most 31 days; use 1d buckets');
  const chain = q.chainId === undefined ? '1' : 'chain_id = {scope:UInt32}';
  const params = { wallet, scope: q.chainId ?? 0, from, to, firstDay: ceilTo(from, DAY) };
  const points = await select<{
    bucket: v.Int;
    pnl: string;
    total: string;
    head: string;
    rest: string;
  }>(client, pnlSql(q.bucket, chain), params, pointRead);
  const s = points[0];
  let cumulative = s ? parseFixed(s.total) - parseFixed(s.head) - parseFixed(s.rest) : 0n;
  return points.map((p) => {
    const pnl = parseFixed(p.pnl);
    cumulative += pnl;
    return {
      bucket: Number(p.bucket),
      realizedPnlUsd: formatFixed(pnl),
      cumulativeRealizedPnlUsd: formatFixed(cumulative),
    };
  });
}
