import type { ClickHouseClient } from '@clickhouse/client';
import type { WalletKey } from '@tidemark/domain';
import { command, select, type Params } from './sql';
import * as v from './values';
import {
  HOUR,
  floorTo,
  windowHours,
  windowParams,
  windowRanges,
  windowRows,
  type HourWindow,
} from './windows';

// Leaderboards of a window rank every wallet active in it; summing its rows per request is too
// slow for 7d and 30d, so each window's totals are kept as of one hour: one row per wallet and
// scope (chain, or 0 for all chains). Only the last snapshot built of a window is valid.

const summed = `sum(volume_usd), sum(fees_usd), sum(gas_fees_usd), sum(realized_pnl_usd),
  sum(trades), sum(wins), sum(closes), toUnixTimestamp64Nano(now64(9))`;
const columns =
  'window_h, scope, as_of, wallet, volume_usd, fees_usd, gas_fees_usd, realized_pnl_usd, trades, wins, closes, version';
const zero = 'toDecimal256(0, 18)';

const windows = Object.keys(windowHours) as HourWindow[];

function snapshotParams(window: HourWindow, asOf: number): Params {
  return { windowH: windowHours[window], asOf, ...windowParams(windowRanges(window, asOf)) };
}

/**
 * Builds every window's snapshot as of `now`'s hour, marks it valid, and drops the others. A window
 * whose valid snapshot is already of that hour is left as it is (recomputes keep it current).
 */
export async function refreshLeaderboards(client: ClickHouseClient, now: number): Promise<void> {
  const asOf = floorTo(v.unixTime(now, 'now'), HOUR);
  for (const window of windows) {
    if ((await snapshotHour(client, window)) === asOf) continue;
    const ranges = windowRanges(window, asOf);
    await command(
      client,
      `INSERT INTO wallet_window_totals (${columns})
       SELECT {windowH:UInt16}, scope, toDateTime({asOf:UInt32}, 'UTC'), wallet, ${summed}
       FROM ${windowRows('1', ranges, 'time')} ARRAY JOIN [chain_id, toUInt32(0)] AS scope
       GROUP BY scope, wallet HAVING sum(trades) > 0`,
      snapshotParams(window, asOf),
    );
    const params = { windowH: windowHours[window], asOf };
    await command(
      client,
      `INSERT INTO wallet_window_snapshots (window_h, as_of, version)
       SELECT {windowH:UInt16}, toDateTime({asOf:UInt32}, 'UTC'), toUnixTimestamp64Nano(now64(9))`,
      params,
    );
    // The mark goes first: a snapshot without it is never read, so its rows can go at leisure.
    for (const [table, sync] of [
      ['wallet_window_snapshots', '2'],
      ['wallet_window_totals', '0'],
    ] as const) {
      await command(
        client,
        `DELETE FROM ${table} WHERE window_h = {windowH:UInt16} AND as_of != toDateTime({asOf:UInt32}, 'UTC')`,
        params,
        { lightweight_deletes_sync: sync },
      );
    }
  }
}

/**
 * Rebuilds every wallet's rows of each valid snapshot, zero where a wallet's stored row has nothing
 * left: what refreshSnapshotWallets writes for keys covering every wallet (for bulk rebuilds).
 */
export async function rebuildSnapshots(client: ClickHouseClient): Promise<void> {
  for (const window of windows) {
    const asOf = await snapshotHour(client, window);
    if (asOf === undefined) continue;
    const figures = 'volume_usd, fees_usd, gas_fees_usd, realized_pnl_usd, trades, wins, closes';
    await command(
      client,
      `INSERT INTO wallet_window_totals (${columns})
       SELECT {windowH:UInt16}, scope, toDateTime({asOf:UInt32}, 'UTC'), wallet, ${summed}
       FROM (
         SELECT scope, wallet, ${figures}
         FROM ${windowRows('1', windowRanges(window, asOf), 'time')}
         ARRAY JOIN [chain_id, toUInt32(0)] AS scope
         UNION ALL
         SELECT scope, wallet, ${zero}, ${zero}, ${zero}, ${zero}, 0, 0, 0
         FROM wallet_window_totals FINAL
         WHERE window_h = {windowH:UInt16} AND as_of = toDateTime({asOf:UInt32}, 'UTC') AND trades > 0
       )
       GROUP BY scope, wallet`,
      snapshotParams(window, asOf),
    );
  }
}

/** The hour of the valid snapshot of `window`, or undefined. */
async function snapshotHour(
  client: ClickHouseClient,
  window: HourWindow,
): Promise<number | undefined> {
  const rows = await select<{ as_of: v.Int }>(
    client,
    `SELECT toUnixTimestamp(as_of) AS as_of FROM wallet_window_snapshots FINAL
     WHERE window_h = {windowH:UInt16} ORDER BY as_of DESC LIMIT 1`,
    { windowH: windowHours[window] },
  );
  return rows[0] === undefined ? undefined : Number(rows[0].as_of);
}

/**
 * Rebuilds the touched wallets' rows of each valid snapshot (after their activity was rebuilt),
 * zero where nothing is left, from the wallet-first daily rows and the window's edge hours.
 */
export async function refreshSnapshotWallets(
  client: ClickHouseClient,
  keys: readonly WalletKey[],
): Promise<void> {
  for (const window of windows) {
    const asOf = await snapshotHour(client, window);
    if (asOf === undefined) continue;
    const ranges = windowRanges(window, asOf);
    await command(
      client,
      `INSERT INTO wallet_window_totals (${columns})
       SELECT {windowH:UInt16}, scope, toDateTime({asOf:UInt32}, 'UTC'), wallet, ${summed}
       FROM (
         SELECT * FROM ${windowRows('wallet IN {wallets:Array(String)}', ranges, 'wallet')}
         UNION ALL
         SELECT k.1, k.2, ${zero}, ${zero}, ${zero}, ${zero}, 0, 0, 0
         FROM (SELECT arrayJoin(arrayZip({chains:Array(UInt32)}, {wallets:Array(String)})) AS k)
       ) ARRAY JOIN [chain_id, toUInt32(0)] AS scope
       GROUP BY scope, wallet`,
      {
        ...snapshotParams(window, asOf),
        chains: keys.map((k) => k.chainId),
        wallets: keys.map((k) => k.wallet),
      },
    );
  }
}
