import type { ConsumerStateStore, StateChange } from '@tidemark/domain';
import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { PgBackend } from './backend';
import { consumerPositions, consumerState, consumerStateUndo } from './schema';

type Db = PgBackend['db'];
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// Well under PostgreSQL's 65535 bind parameters per statement.
const batchSize = 1_000;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += batchSize)
    yield rows.slice(start, start + batchSize);
}

const scope = (consumer: string, chainId: number) =>
  and(eq(consumerState.consumer, consumer), eq(consumerState.chainId, chainId));

async function currentValues(
  db: Db | Tx,
  consumer: string,
  chainId: number,
  keys: readonly string[],
): Promise<Map<string, unknown>> {
  const values = new Map<string, unknown>();
  for (const part of chunks([...new Set(keys)])) {
    const rows = await db
      .select({ key: consumerState.key, value: consumerState.value })
      .from(consumerState)
      .where(and(scope(consumer, chainId), inArray(consumerState.key, part)));
    for (const row of rows) values.set(row.key, row.value);
  }
  return values;
}

interface Undo {
  blockNumber: number;
  key: string;
  previous: unknown;
}

/** The final value of each key and, per (block, key), the value before that block's first change. */
function fold(changes: readonly StateChange[], before: Map<string, unknown>) {
  const current = new Map(before);
  const undo = new Map<string, Undo>();
  for (const { key, value, blockNumber } of changes) {
    const undoKey = `${blockNumber}\u0000${key}`;
    if (!undo.has(undoKey))
      undo.set(undoKey, { blockNumber, key, previous: current.get(key) ?? null });
    current.set(key, value);
  }
  const touched = new Set(changes.map((c) => c.key));
  return {
    final: [...touched].map((key) => ({ key, value: current.get(key) })),
    undo: [...undo.values()],
  };
}

async function writeValues(
  tx: Tx,
  consumer: string,
  chainId: number,
  values: readonly { key: string; value: unknown }[],
): Promise<void> {
  const deleted = values.filter((v) => v.value === null || v.value === undefined).map((v) => v.key);
  for (const part of chunks(deleted))
    await tx
      .delete(consumerState)
      .where(and(scope(consumer, chainId), inArray(consumerState.key, part)));
  const kept = values.filter((v) => v.value !== null && v.value !== undefined);
  for (const part of chunks(kept))
    await tx
      .insert(consumerState)
      .values(part.map(({ key, value }) => ({ consumer, chainId, key, value })))
      .onConflictDoUpdate({
        target: [consumerState.consumer, consumerState.chainId, consumerState.key],
        set: { value: sql`excluded.value` },
      });
}

async function writeUndo(tx: Tx, consumer: string, chainId: number, undo: readonly Undo[]) {
  // A block already recorded keeps its first "before" value: a key changed by a block in two
  // batches (a batch boundary inside a block) must roll back to what it was before the block.
  for (const part of chunks(undo))
    await tx
      .insert(consumerStateUndo)
      .values(part.map((u) => ({ consumer, chainId, ...u })))
      .onConflictDoNothing();
}

/** The consumer state store on PostgreSQL (PGlite or a server): see `ConsumerStateStore`. */
export function createConsumerStateStore(db: Db): ConsumerStateStore {
  return {
    async position(consumer, chainId) {
      const [row] = await db
        .select()
        .from(consumerPositions)
        .where(
          and(eq(consumerPositions.consumer, consumer), eq(consumerPositions.chainId, chainId)),
        );
      return row
        ? { blockNumber: row.blockNumber, blockHash: row.blockHash, logIndex: row.logIndex }
        : null;
    },

    load: (consumer, chainId, keys) => currentValues(db, consumer, chainId, keys),

    async loadPrefix(consumer, chainId, prefix, limit) {
      const rows = await db
        .select({ key: consumerState.key, value: consumerState.value })
        .from(consumerState)
        .where(and(scope(consumer, chainId), sql`starts_with(${consumerState.key}, ${prefix})`))
        .orderBy(asc(consumerState.key))
        .limit(limit);
      return new Map(rows.map((row) => [row.key, row.value]));
    },

    async commit(consumer, chainId, changes, position) {
      await db.transaction(async (tx) => {
        const before = await currentValues(
          tx,
          consumer,
          chainId,
          changes.map((c) => c.key),
        );
        const { final, undo } = fold(changes, before);
        await writeUndo(tx, consumer, chainId, undo);
        await writeValues(tx, consumer, chainId, final);
        await tx
          .insert(consumerPositions)
          .values({ consumer, chainId, ...position })
          .onConflictDoUpdate({
            target: [consumerPositions.consumer, consumerPositions.chainId],
            set: { ...position, updatedAt: sql`now()` },
          });
      });
    },

    async rollback(consumer, chainId, ancestor) {
      return db.transaction(async (tx) => {
        const undoScope = and(
          eq(consumerStateUndo.consumer, consumer),
          eq(consumerStateUndo.chainId, chainId),
          gt(consumerStateUndo.blockNumber, ancestor.number),
        );
        const rows = await tx
          .select()
          .from(consumerStateUndo)
          .where(undoScope)
          .orderBy(asc(consumerStateUndo.blockNumber));
        // The oldest record of a key above the ancestor holds its value at the ancestor.
        const restored = new Map<string, unknown>();
        for (const row of rows) if (!restored.has(row.key)) restored.set(row.key, row.previous);
        await writeValues(
          tx,
          consumer,
          chainId,
          [...restored].map(([key, value]) => ({ key, value })),
        );
        await tx.delete(consumerStateUndo).where(undoScope);
        const position = { blockNumber: ancestor.number, blockHash: ancestor.hash, logIndex: -1 };
        await tx
          .update(consumerPositions)
          .set({ ...position, updatedAt: sql`now()` })
          .where(
            and(
              eq(consumerPositions.consumer, consumer),
              eq(consumerPositions.chainId, chainId),
              gt(consumerPositions.blockNumber, ancestor.number),
            ),
          );
        return [...restored.keys()];
      });
    },

    async prune(consumer, chainId, blockNumber) {
      await db
        .delete(consumerStateUndo)
        .where(
          and(
            eq(consumerStateUndo.consumer, consumer),
            eq(consumerStateUndo.chainId, chainId),
            lte(consumerStateUndo.blockNumber, blockNumber),
          ),
        );
    },
  };
}
