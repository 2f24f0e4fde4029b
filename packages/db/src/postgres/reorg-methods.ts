import type { OltpStore } from '@tidemark/domain';
import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { PgBackend } from './backend';
import { chains, ingestBlockWindow, ingestCursors, pools } from './schema';

type Db = PgBackend['db'];

// Well under PostgreSQL's 65535 bind parameters per statement.
const batchSize = 1_000;

/** The reorg window and the rollback of orphaned blocks; each method is one transaction. */
export function reorgMethods(
  db: Db,
): Pick<OltpStore, 'getBlockWindow' | 'advanceCursor' | 'rewindCursor' | 'retractBlocks'> {
  return {
    async getBlockWindow(chainId) {
      const rows = await db
        .select()
        .from(ingestBlockWindow)
        .where(eq(ingestBlockWindow.chainId, chainId))
        .orderBy(asc(ingestBlockWindow.blockNumber));
      return rows.map((r) => ({ number: r.blockNumber, hash: r.blockHash as `0x${string}` }));
    },

    async advanceCursor({ chainId, blockNumber, blockHash }, blocks, windowSize) {
      await db.transaction(async (tx) => {
        for (let start = 0; start < blocks.length; start += batchSize) {
          const values = blocks
            .slice(start, start + batchSize)
            .map((b) => ({ chainId, blockNumber: b.number, blockHash: b.hash }));
          await tx
            .insert(ingestBlockWindow)
            .values(values)
            .onConflictDoUpdate({
              target: [ingestBlockWindow.chainId, ingestBlockWindow.blockNumber],
              set: { blockHash: sql`excluded.block_hash` },
            });
        }
        await tx
          .delete(ingestBlockWindow)
          .where(
            and(
              eq(ingestBlockWindow.chainId, chainId),
              lte(ingestBlockWindow.blockNumber, blockNumber - windowSize),
            ),
          );
        await tx
          .insert(ingestCursors)
          .values({ chainId, blockNumber, blockHash })
          .onConflictDoUpdate({
            target: ingestCursors.chainId,
            set: { blockNumber, blockHash, updatedAt: sql`now()` },
          });
      });
    },

    async rewindCursor(chainId, ancestor) {
      await db.transaction(async (tx) => {
        await tx
          .delete(ingestBlockWindow)
          .where(
            and(
              eq(ingestBlockWindow.chainId, chainId),
              gt(ingestBlockWindow.blockNumber, ancestor.number),
            ),
          );
        await tx
          .insert(ingestCursors)
          .values({ chainId, blockNumber: ancestor.number, blockHash: ancestor.hash })
          .onConflictDoUpdate({
            target: ingestCursors.chainId,
            set: { blockNumber: ancestor.number, blockHash: ancestor.hash, updatedAt: sql`now()` },
          });
      });
    },

    async retractBlocks(chainId, blockHashes, ancestorBlock) {
      const hashes = blockHashes.map((h) => h.toLowerCase());
      await db.transaction(async (tx) => {
        for (let start = 0; start < hashes.length; start += batchSize) {
          await tx
            .delete(pools)
            .where(
              and(
                eq(pools.chainId, chainId),
                inArray(pools.createdBlockHash, hashes.slice(start, start + batchSize)),
              ),
            );
        }
        await tx
          .update(chains)
          .set({ indexedBlock: ancestorBlock, updatedAt: sql`now()` })
          .where(and(eq(chains.chainId, chainId), gt(chains.indexedBlock, ancestorBlock)));
      });
    },
  };
}
