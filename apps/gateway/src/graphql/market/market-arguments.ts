import type { CandleInterval, PnlBucket } from '@tidemark/domain';
import { badUserInput } from '../server/errors';

const HOUR = 3_600;
const DAY = 86_400;
/** The stores cap hourly PnL history at 31 days. */
const maxHourlySpan = 31 * DAY;
const defaultHistorySpan = 30 * DAY;

export const candleSeconds: Record<CandleInterval, number> = {
  '1m': 60,
  '5m': 300,
  '15m': 900,
  '1h': HOUR,
  '4h': 4 * HOUR,
  '1d': DAY,
};

/** A chain id argument: positive. `name` is how the caller spelled the argument. */
export function toChainId(value: number, name = 'chainId'): number {
  if (value <= 0) throw badUserInput(`invalid ${name} ${value}: expected a positive chain id`);
  return value;
}

export function toOptionalChainId(value: number | null | undefined): number | undefined {
  return value == null ? undefined : toChainId(value);
}

function toTime(value: number, name: string): number {
  if (value < 0) throw badUserInput(`invalid "${name}" ${value}: expected Unix seconds, 0 or more`);
  return value;
}

export interface TimeRange {
  from: number;
  to: number;
}

/**
 * [from, to) from optional arguments: `to` defaults to just after now (so the bucket holding now
 * counts), `from` to `span` seconds before `to` (never below 0).
 */
function toRange(
  args: { from?: number | null; to?: number | null },
  now: number,
  span: number,
): TimeRange {
  const to = args.to == null ? now + 1 : toTime(args.to, 'to');
  const from = args.from == null ? Math.max(0, to - span) : toTime(args.from, 'from');
  if (from > to)
    throw badUserInput(`invalid range: "from" (${from}) is after "to" (${to}); swap them`);
  return { from, to };
}

export interface CandleRangeArgs {
  interval: CandleInterval;
  from?: number | null;
  to?: number | null;
}

/** The range of a candles page of `limit`; without `from`, the `limit` buckets ending with now's. */
export function toCandleRange(args: CandleRangeArgs, limit: number, now: number): TimeRange {
  const seconds = candleSeconds[args.interval];
  const range = toRange(args, now, 0);
  if (args.from == null) {
    // The start of the bucket holding the range's last second, less limit - 1 buckets.
    const last = Math.max(0, range.to - 1);
    range.from = Math.max(0, last - (last % seconds) - (limit - 1) * seconds);
  }
  return range;
}

/** [from, to) of a time filter, `to` defaulting to just after now and `from` to 0. */
export function toOpenRange(
  args: { from?: number | null; to?: number | null },
  now: number,
): TimeRange {
  return toRange(args, now, Number.POSITIVE_INFINITY);
}

/** The range of a PnL history query: 30 days up to now by default; hourly spans 31 days at most. */
export function toPnlRange(
  args: { from?: number | null; to?: number | null },
  bucket: PnlBucket,
  now: number,
): TimeRange {
  const range = toRange(args, now, defaultHistorySpan);
  const start = range.from - (range.from % (bucket === '1h' ? HOUR : DAY));
  if (bucket === '1h' && range.to - start > maxHourlySpan)
    throw badUserInput(
      `invalid range for H1 buckets: ${range.to - start} seconds, at most 31 days (${maxHourlySpan}); use D1 buckets or a shorter range`,
    );
  return range;
}
