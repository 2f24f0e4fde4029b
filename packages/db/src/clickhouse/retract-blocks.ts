import type { ClickHouseClient } from '@clickhouse/client';

/** The tables whose rows carry (chain_id, block_hash) and die with their block. */
const blockTables = ['trades', 'transfers'] as const;

/**
 * Deletes every trade and transfer of the given blocks. A lightweight DELETE marks the rows at
 * once and, with `lightweight_deletes_sync`, returns only when the mask is applied, so a query
 * made right after no longer sees them. Deleting rows that are gone already is a no-op.
 */
export async function retractBlocks(
  client: ClickHouseClient,
  chainId: number,
  blockHashes: readonly string[],
): Promise<void> {
  if (blockHashes.length === 0) return;
  const hashes = blockHashes.map((h) => h.toLowerCase());
  for (const table of blockTables) {
    await client.command({
      query: `DELETE FROM ${table} WHERE chain_id = {chainId:UInt32} AND block_hash IN {hashes:Array(String)}`,
      query_params: { chainId, hashes },
      clickhouse_settings: { lightweight_deletes_sync: '2' },
    });
  }
}
