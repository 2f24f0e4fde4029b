import type { ClickHouseClient } from '@clickhouse/client';
import type { WalletKey } from '@tidemark/domain';
import { chunks, mergeWalletKeys } from './keys';
import { command, type Params } from './sql';
import { refreshSnapshotWallets } from './window-snapshots';

const HOUR = 3_600;
const DAY = 86_400;

// Like the candle rebuild: rows from the source, plus an empty marker for every bucket the target
// shows as non-empty, so a bucket whose trades are gone aggregates to trades = 0 and replaces it;
// the version is the statement's start. Each level is rebuilt from the one below it; the touched
// wallets' existing rows are read from the wallet-first copies (wallet_hours, wallet_days).

const touched = `touched AS (
  SELECT k.1 AS chain_id, k.2 AS wallet, k.3 AS key_from, k.4 AS key_to
  FROM (SELECT arrayJoin(arrayZip({chains:Array(UInt32)}, {wallets:Array(String)},
    {froms:Array(UInt32)}, {tos:Array(UInt32)})) AS k)
)`;

const zero = 'toDecimal256(0, 18)';
const figures = 'volume_usd, fees_usd, gas_fees_usd, realized_pnl_usd, trades, wins, closes';
const summed = `sum(volume_usd), sum(fees_usd), sum(gas_fees_usd), sum(realized_pnl_usd),
  sum(trades), sum(wins), sum(closes), toUnixTimestamp64Nano(now64(9))`;
const inWindow = (column: string) =>
  `wallet IN {wallets:Array(String)} AND chain_id IN {chainSet:Array(UInt32)}
   AND ${column} >= toDateTime({lo:UInt32}, 'UTC') AND ${column} < toDateTime({hi:UInt32}, 'UTC')
   AND trades > 0`;

const between = (column: string) =>
  `${column} >= toDateTime({lo:UInt32}, 'UTC') AND ${column} < toDateTime({hi:UInt32}, 'UTC')`;

/** A wallet's hourly figures from priced_trades matching `where`, plus empty markers (see above). */
const hourRows = (where: string, markers: string) => `(
  SELECT chain_id, trader AS wallet, intDiv(toUnixTimestamp(timestamp), ${HOUR}) * ${HOUR} AS hour_ts,
    ifNull(volume_usd, ${zero}) AS volume_usd, ifNull(fee_usd, ${zero}) AS fees_usd,
    ifNull(gas_fee_usd, ${zero}) AS gas_fees_usd, ifNull(realized_pnl_usd, ${zero}) AS realized_pnl_usd,
    1 AS trades, is_win AS wins, closes_position AS closes
  FROM priced_trades FINAL
  WHERE ${where}
  UNION ALL
  SELECT chain_id, wallet, toUnixTimestamp(hour), ${zero}, ${zero}, ${zero}, ${zero}, 0, 0, 0
  FROM ${markers}
) AS rows`;

/** Daily figures summed from the hourly rows in `hours`, plus empty markers from `markers`. */
const dayRows = (hours: string, markers: string) => `(
  SELECT chain_id, wallet, intDiv(toUnixTimestamp(hour), ${DAY}) * ${DAY} AS day_ts, ${figures}
  FROM ${hours}
  UNION ALL
  SELECT chain_id, wallet, toUnixTimestamp(day), ${zero}, ${zero}, ${zero}, ${zero}, 0, 0, 0
  FROM ${markers}
) AS rows`;

const hourGroups = `SELECT chain_id, toDateTime(hour_ts, 'UTC'), wallet, ${summed}`;
const dayGroups = `SELECT chain_id, toDateTime(day_ts, 'UTC'), wallet, ${summed}`;

const rebuildHours = `
INSERT INTO wallet_activity (chain_id, hour, wallet, ${figures}, version)
WITH ${touched}
${hourGroups}
FROM ${hourRows(
  `chain_id IN {chainSet:Array(UInt32)} AND trader IN {wallets:Array(String)} AND ${between('timestamp')}
    AND block_hash NOT IN {excluded:Array(String)}`,
  `wallet_hours FINAL WHERE ${inWindow('hour')}`,
)}
INNER JOIN touched USING (chain_id, wallet)
WHERE hour_ts >= intDiv(key_from, ${HOUR}) * ${HOUR} AND hour_ts <= intDiv(key_to, ${HOUR}) * ${HOUR}
GROUP BY chain_id, wallet, hour_ts`;

const rebuildDays = `
INSERT INTO wallet_activity_daily (chain_id, day, wallet, ${figures}, version)
WITH ${touched}
${dayGroups}
FROM ${dayRows(`wallet_hours FINAL WHERE ${inWindow('hour')}`, `wallet_days FINAL WHERE ${inWindow('day')}`)}
INNER JOIN touched USING (chain_id, wallet)
WHERE day_ts >= intDiv(key_from, ${DAY}) * ${DAY} AND day_ts <= intDiv(key_to, ${DAY}) * ${DAY}
GROUP BY chain_id, wallet, day_ts`;

/** A wallet's totals per chain and across chains (chain_id 0), from `rows` (with `figures`). */
const totalsOf = (rows: string) => `
INSERT INTO wallet_totals (chain_id, wallet, ${figures}, version)
SELECT scope, wallet, ${summed}
FROM (${rows})
ARRAY JOIN [chain_id, toUInt32(0)] AS scope
GROUP BY scope, wallet`;

/**
 * Per chain and across chains (chain_id 0), from the wallet-first copy of the daily rows. Every
 * touched (chain, wallet) and (0, wallet) gets a row, zero when nothing is left.
 */
const rebuildTotals = totalsOf(`
  SELECT chain_id, wallet, ${figures}
  FROM wallet_days FINAL WHERE wallet IN {wallets:Array(String)} AND trades > 0
  UNION ALL
  SELECT k.1, k.2, ${zero}, ${zero}, ${zero}, ${zero}, 0, 0, 0
  FROM (SELECT arrayJoin(arrayZip({chains:Array(UInt32)}, {wallets:Array(String)})) AS k)`);

/**
 * The same rows for every wallet over [lo, hi) (whole UTC days), from the time-first tables (the
 * same rows as the wallet-first copies): what the statements above write for keys covering every
 * wallet over those days. The totals cover every wallet ever seen; one with nothing left gets a
 * zero row, as a touched one does above.
 */
export const rebuildRanges = {
  hours: `INSERT INTO wallet_activity (chain_id, hour, wallet, ${figures}, version)
    ${hourGroups}
    FROM ${hourRows(between('timestamp'), `wallet_activity FINAL WHERE ${between('hour')} AND trades > 0`)}
    GROUP BY chain_id, wallet, hour_ts`,
  days: `INSERT INTO wallet_activity_daily (chain_id, day, wallet, ${figures}, version)
    ${dayGroups}
    FROM ${dayRows(
      `wallet_activity FINAL WHERE ${between('hour')} AND trades > 0`,
      `wallet_activity_daily FINAL WHERE ${between('day')} AND trades > 0`,
    )}
    GROUP BY chain_id, wallet, day_ts`,
  totals: totalsOf(`
    SELECT chain_id, wallet, ${figures} FROM wallet_days FINAL WHERE trades > 0
    UNION ALL
    SELECT chain_id, wallet, ${zero}, ${zero}, ${zero}, ${zero}, 0, 0, 0
    FROM wallet_totals FINAL WHERE chain_id != 0`),
};

function bounds(keys: readonly WalletKey[], unit: number): Params {
  return {
    lo: Math.min(...keys.map((k) => k.from - (k.from % unit))),
    hi: Math.max(...keys.map((k) => k.to - (k.to % unit) + unit)),
  };
}

/**
 * Rebuilds the touched hours, then their days, then the wallets' totals and their rows of the
 * leaderboard snapshots, leaving out trades of
 * `excluded` blocks (being retracted). Each step reads what the one before stored, so rerunning
 * after a crash anywhere converges.
 */
export async function recomputeWalletActivity(
  client: ClickHouseClient,
  keys: readonly WalletKey[],
  excluded: readonly string[] = [],
): Promise<void> {
  for (const slice of chunks(mergeWalletKeys(keys))) {
    const params: Params = {
      chains: slice.map((k) => k.chainId),
      wallets: slice.map((k) => k.wallet),
      froms: slice.map((k) => k.from),
      tos: slice.map((k) => k.to),
      chainSet: [...new Set(slice.map((k) => k.chainId))],
      excluded: excluded.map((h) => h.toLowerCase()),
    };
    await command(client, rebuildHours, { ...params, ...bounds(slice, HOUR) });
    await command(client, rebuildDays, { ...params, ...bounds(slice, DAY) });
    await command(client, rebuildTotals, params);
    await refreshSnapshotWallets(client, slice);
  }
}
