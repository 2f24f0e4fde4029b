export const HOUR = 3_600;
export const DAY = 86_400;

export const floorTo = (t: number, unit: number): number => t - (t % unit);
export const ceilTo = (t: number, unit: number): number => floorTo(t + unit - 1, unit);

export const windowHours = { '24h': 24, '7d': 168, '30d': 720 } as const;
export type HourWindow = keyof typeof windowHours;

/** Half-open [start, end) in Unix seconds; start === end is empty. */
type Range = readonly [number, number];

/**
 * Where a window's hourly buckets live: whole UTC days in the daily table, the hours before the
 * first and after the last whole day in the hourly table. The window is the N hourly buckets
 * ending with the one holding `now`.
 */
export interface WindowRanges {
  days: Range;
  headHours: Range;
  tailHours: Range;
}

export function windowRanges(window: HourWindow, now: number): WindowRanges {
  const end = floorTo(now, HOUR) + HOUR;
  const start = end - windowHours[window] * HOUR;
  const firstDay = ceilTo(start, DAY);
  const endDay = floorTo(end, DAY);
  if (firstDay >= endDay) return { days: [0, 0], headHours: [start, end], tailHours: [end, end] };
  return { days: [firstDay, endDay], headHours: [start, firstDay], tailHours: [endDay, end] };
}

/** Bound parameters for a window's ranges, named as `windowRows` expects. */
export function windowParams(ranges: WindowRanges): Record<string, number> {
  return {
    dayFrom: ranges.days[0],
    dayTo: ranges.days[1],
    headFrom: ranges.headHours[0],
    headTo: ranges.headHours[1],
    tailFrom: ranges.tailHours[0],
    tailTo: ranges.tailHours[1],
  };
}

const figures =
  'chain_id, wallet, volume_usd, fees_usd, gas_fees_usd, realized_pnl_usd, trades, wins, closes';
const between = (column: string, from: string, to: string) =>
  `${column} >= toDateTime({${from}:UInt32}, 'UTC') AND ${column} < toDateTime({${to}:UInt32}, 'UTC')`;

/**
 * The wallet rows of a window (params from `windowParams`), narrowed by `where` (fixed SQL with
 * bound parameters, or '1'). Only the non-empty parts are read. FINAL keeps one version per
 * bucket; emptied buckets add zeros. `time` reads the time-first tables (every wallet of the
 * window), `wallet` their wallet-first copies (when `where` picks wallets).
 */
export function windowRows(where: string, ranges: WindowRanges, order: 'time' | 'wallet'): string {
  const [days, hourly] =
    order === 'time'
      ? ['wallet_activity_daily', 'wallet_activity']
      : ['wallet_days', 'wallet_hours'];
  const empty = (r: Range) => r[0] >= r[1];
  const parts: string[] = [];
  if (!empty(ranges.days))
    parts.push(`SELECT ${figures} FROM ${days} FINAL
      WHERE ${where} AND ${between('day', 'dayFrom', 'dayTo')}`);
  const hours = [
    ...(empty(ranges.headHours) ? [] : [`(${between('hour', 'headFrom', 'headTo')})`]),
    ...(empty(ranges.tailHours) ? [] : [`(${between('hour', 'tailFrom', 'tailTo')})`]),
  ];
  if (hours.length > 0)
    parts.push(`SELECT ${figures} FROM ${hourly} FINAL
      WHERE ${where} AND (${hours.join(' OR ')})`);
  return `(${parts.join(' UNION ALL ')})`;
}
