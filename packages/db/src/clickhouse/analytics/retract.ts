import type { ClickHouseClient } from '@clickhouse/client';
import type { AnalyticsKeys } from '@tidemark/domain';
import { recomputeCandles } from './recompute-candles';
import { recomputeWalletActivity } from './recompute-wallets';
import { command, select } from './sql';
import * as v from './values';

/** Tables whose rows belong to a block and die with it, pool_latest last (see retractBlocks). */
const blockTables = ['priced_trades', 'token_prices', 'pool_states', 'pool_latest'] as const;

function checkHashes(chainId: number, blockHashes: readonly string[]): string[] {
  v.chainId(chainId);
  return blockHashes.map((h, i) => v.hash(h, `blockHashes[${i}]`));
}

/** Each pool's and each trader's span of timestamps among the blocks' priced trades. */
export async function touchedByBlocks(
  client: ClickHouseClient,
  chainId: number,
  blockHashes: readonly string[],
): Promise<AnalyticsKeys> {
  const hashes = checkHashes(chainId, blockHashes);
  if (hashes.length === 0) return { candles: [], wallets: [] };
  const rows = await select<{ pool: string; trader: string; lo: v.Int; hi: v.Int }>(
    client,
    `SELECT pool, trader, toUnixTimestamp(min(timestamp)) AS lo, toUnixTimestamp(max(timestamp)) AS hi
     FROM priced_trades WHERE chain_id = {chainId:UInt32} AND block_hash IN {hashes:Array(String)}
     GROUP BY pool, trader ORDER BY pool, trader`,
    { chainId, hashes },
  );
  const span = (acc: Map<string, [number, number]>, id: string, lo: number, hi: number) => {
    const seen = acc.get(id);
    acc.set(id, seen ? [Math.min(seen[0], lo), Math.max(seen[1], hi)] : [lo, hi]);
  };
  const pools = new Map<string, [number, number]>();
  const traders = new Map<string, [number, number]>();
  for (const row of rows) {
    span(pools, row.pool, Number(row.lo), Number(row.hi));
    span(traders, row.trader, Number(row.lo), Number(row.hi));
  }
  return {
    candles: [...pools].map(([pool, [from, to]]) => ({ chainId, pool, from, to })),
    wallets: [...traders].map(([wallet, [from, to]]) => ({ chainId, wallet, from, to })),
  };
}

/**
 * Puts back, for each pool whose latest state is orphaned, its newest state outside the blocks.
 * The orphaned row has the higher block (the version), so it still wins until it is deleted.
 */
async function repairPoolLatest(client: ClickHouseClient, chainId: number, hashes: string[]) {
  await command(
    client,
    `INSERT INTO pool_latest (chain_id, pool, block_number, block_hash, timestamp, liquidity_usd,
       price_quote, price_usd)
     SELECT chain_id, pool, block_number, block_hash, timestamp, liquidity_usd, price_quote, price_usd
     FROM pool_states FINAL
     WHERE chain_id = {chainId:UInt32} AND block_hash NOT IN {hashes:Array(String)}
       AND pool IN (SELECT pool FROM pool_latest
                    WHERE chain_id = {chainId:UInt32} AND block_hash IN {hashes:Array(String)})
     ORDER BY pool, block_number DESC LIMIT 1 BY pool`,
    { chainId, hashes },
  );
}

/**
 * Order matters for a retry after a crash: derived rows are rebuilt without the blocks first, while
 * their trades still say what they touched; deletes come last, pool_latest's after its repair.
 */
export async function retractBlocks(
  client: ClickHouseClient,
  chainId: number,
  blockHashes: readonly string[],
): Promise<AnalyticsKeys> {
  const hashes = checkHashes(chainId, blockHashes);
  if (hashes.length === 0) return { candles: [], wallets: [] };
  const keys = await touchedByBlocks(client, chainId, hashes);
  await recomputeCandles(client, keys.candles, hashes);
  await recomputeWalletActivity(client, keys.wallets, hashes);
  await repairPoolLatest(client, chainId, hashes);
  for (const table of blockTables) {
    // Lightweight DELETE, synchronous: a query made right after no longer sees the rows.
    await command(
      client,
      `DELETE FROM ${table} WHERE chain_id = {chainId:UInt32} AND block_hash IN {hashes:Array(String)}`,
      { chainId, hashes },
      { lightweight_deletes_sync: '2' },
    );
  }
  return keys;
}
