import type {
  ChainCursor,
  ChainStatus,
  OltpStore,
  PoolRecord,
  TokenRecord,
} from '@tidemark/domain';
import { Protocol } from '@tidemark/schema';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PgBackend } from './backend';

type Db = PgBackend['db'];
import { createConsumerStateStore } from './consumer-state-store';
import { createIdentityStore } from './identity-store';
import { reorgMethods } from './reorg-methods';
import { chains, ingestCursors, pools, tokens } from './schema';

// Well under PostgreSQL's 65535 bind parameters per statement for every table here.
const batchSize = 1_000;

/** One row per key, the last one winning: ON CONFLICT cannot touch a row twice in one statement. */
function uniqueBatches<T extends { chainId: number; address: string }>(rows: readonly T[]): T[][] {
  const byKey = new Map<string, T>();
  for (const row of rows) byKey.set(`${row.chainId}:${row.address}`, row);
  const unique = [...byKey.values()];
  const batches: T[][] = [];
  for (let start = 0; start < unique.length; start += batchSize) {
    batches.push(unique.slice(start, start + batchSize));
  }
  return batches;
}

// Rows created by setHead/setIndexedBlock before upsertChain named the chain.
const unnamedChain = (chainId: number) => `chain-${chainId}`;

function toPoolRecord(row: typeof pools.$inferSelect): PoolRecord {
  return {
    chainId: row.chainId,
    address: row.address,
    protocol: Protocol.parse(row.protocol),
    factory: row.factory,
    token0: row.token0,
    token1: row.token1,
    createdBlock: row.createdBlock,
    createdBlockHash: row.createdBlockHash,
    verified: row.verified,
    fee: row.fee,
  };
}

function chainMethods(
  db: Db,
): Pick<
  OltpStore,
  'upsertChain' | 'setHead' | 'setIndexedBlock' | 'setFinalizedBlock' | 'listChains'
> {
  return {
    async upsertChain({ chainId, name }) {
      await db
        .insert(chains)
        .values({ chainId, name })
        .onConflictDoUpdate({ target: chains.chainId, set: { name, updatedAt: sql`now()` } });
    },

    async setHead(chainId, headBlock) {
      await db
        .insert(chains)
        .values({ chainId, name: unnamedChain(chainId), headBlock })
        .onConflictDoUpdate({ target: chains.chainId, set: { headBlock, updatedAt: sql`now()` } });
    },

    async setIndexedBlock(chainId, blockNumber) {
      await db
        .insert(chains)
        .values({ chainId, name: unnamedChain(chainId), indexedBlock: blockNumber })
        .onConflictDoUpdate({
          target: chains.chainId,
          set: {
            indexedBlock: sql`GREATEST("chains"."indexed_block", excluded.indexed_block)`,
            updatedAt: sql`now()`,
          },
        });
    },

    async setFinalizedBlock(chainId, blockNumber) {
      await db
        .insert(chains)
        .values({ chainId, name: unnamedChain(chainId), finalizedBlock: blockNumber })
        .onConflictDoUpdate({
          target: chains.chainId,
          set: {
            finalizedBlock: sql`GREATEST("chains"."finalized_block", excluded.finalized_block)`,
            updatedAt: sql`now()`,
          },
        });
    },

    async listChains(): Promise<ChainStatus[]> {
      const rows = await db.select().from(chains).orderBy(asc(chains.chainId));
      return rows.map(({ chainId, name, headBlock, indexedBlock, finalizedBlock }) => ({
        chainId,
        name,
        headBlock,
        indexedBlock,
        finalizedBlock,
      }));
    },
  };
}

function cursorMethods(db: Db): Pick<OltpStore, 'getCursor' | 'setCursor'> {
  return {
    async getCursor(chainId): Promise<ChainCursor | null> {
      const rows = await db.select().from(ingestCursors).where(eq(ingestCursors.chainId, chainId));
      const row = rows[0];
      return row
        ? { chainId: row.chainId, blockNumber: row.blockNumber, blockHash: row.blockHash }
        : null;
    },

    async setCursor({ chainId, blockNumber, blockHash }) {
      await db
        .insert(ingestCursors)
        .values({ chainId, blockNumber, blockHash })
        .onConflictDoUpdate({
          target: ingestCursors.chainId,
          set: { blockNumber, blockHash, updatedAt: sql`now()` },
        });
    },
  };
}

function poolMethods(db: Db): Pick<OltpStore, 'upsertPools' | 'getPools' | 'findPools'> {
  return {
    async upsertPools(records) {
      for (const batch of uniqueBatches(records)) {
        await db
          .insert(pools)
          .values(batch)
          .onConflictDoUpdate({
            target: [pools.chainId, pools.address],
            set: {
              protocol: sql`excluded.protocol`,
              token0: sql`excluded.token0`,
              token1: sql`excluded.token1`,
              // A later, less complete sighting must not erase what is known.
              factory: sql`COALESCE(excluded.factory, "pools"."factory")`,
              createdBlock: sql`COALESCE(excluded.created_block, "pools"."created_block")`,
              createdBlockHash: sql`COALESCE(excluded.created_block_hash, "pools"."created_block_hash")`,
              fee: sql`COALESCE(excluded.fee, "pools"."fee")`,
              // Once a configured factory vouched for a pool, no other sighting takes that back.
              verified: sql`"pools"."verified" OR excluded.verified`,
            },
          });
      }
    },

    async getPools(chainId) {
      const rows = await db
        .select()
        .from(pools)
        .where(eq(pools.chainId, chainId))
        .orderBy(asc(pools.address));
      return rows.map(toPoolRecord);
    },

    async findPools(chainId, addresses) {
      const found: PoolRecord[] = [];
      const unique = [...new Set(addresses)];
      for (let start = 0; start < unique.length; start += batchSize) {
        const rows = await db
          .select()
          .from(pools)
          .where(
            and(
              eq(pools.chainId, chainId),
              inArray(pools.address, unique.slice(start, start + batchSize)),
            ),
          );
        found.push(...rows.map(toPoolRecord));
      }
      return found;
    },
  };
}

function tokenMethods(db: Db): Pick<OltpStore, 'upsertTokens' | 'getTokens'> {
  return {
    async upsertTokens(records) {
      for (const batch of uniqueBatches(records)) {
        await db
          .insert(tokens)
          .values(batch)
          .onConflictDoUpdate({
            target: [tokens.chainId, tokens.address],
            set: {
              symbol: sql`COALESCE(excluded.symbol, "tokens"."symbol")`,
              name: sql`COALESCE(excluded.name, "tokens"."name")`,
              decimals: sql`COALESCE(excluded.decimals, "tokens"."decimals")`,
            },
          });
      }
    },

    async getTokens(chainId): Promise<TokenRecord[]> {
      return db
        .select()
        .from(tokens)
        .where(eq(tokens.chainId, chainId))
        .orderBy(asc(tokens.address));
    },
  };
}

/** The OLTP store over any drizzle PostgreSQL database; the backend hides the driver. */
export function createDrizzleOltpStore(backend: PgBackend): OltpStore {
  const { db } = backend;
  return {
    ...chainMethods(db),
    ...cursorMethods(db),
    ...reorgMethods(db),
    ...poolMethods(db),
    ...tokenMethods(db),
    state: createConsumerStateStore(db),
    identity: createIdentityStore(db),
    close: () => backend.close(),
  };
}
