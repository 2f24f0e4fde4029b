import { randomUUID } from 'node:crypto';
import type {
  ApiKeyRecord,
  ApiKeyScopeName,
  IdentityPage,
  IdentityStore,
  SeqPageRequest,
  UserRecord,
  WatchlistEntryRecord,
  WatchTargetKind,
} from '@tidemark/domain';
import { and, asc, desc, eq, gt, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PgBackend } from './backend';
import { apiKeys, sessions, siweNonces, users, watchlistEntries } from './identity-schema';

type Db = PgBackend['db'];

const toUser = (row: typeof users.$inferSelect): UserRecord => ({
  id: row.id,
  address: row.address,
  createdAt: row.createdAt,
});

const toApiKey = (row: typeof apiKeys.$inferSelect): ApiKeyRecord => ({
  id: row.id,
  userId: row.userId,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes as ApiKeyScopeName[],
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
  seq: row.seq,
});

const toEntry = (row: typeof watchlistEntries.$inferSelect): WatchlistEntryRecord => ({
  id: row.id,
  userId: row.userId,
  kind: row.kind as WatchTargetKind,
  chainId: row.chainId,
  address: row.address,
  label: row.label,
  createdAt: row.createdAt,
  seq: row.seq,
});

/**
 * Reads one row more than the page to learn whether more follow; backward pages read newest
 * first from `seq` and are turned back into creation order.
 */
async function readPage<T>(
  request: SeqPageRequest,
  read: (where: SQL | undefined, order: SQL, limit: number) => Promise<T[]>,
  column: AnyPgColumn,
): Promise<IdentityPage<T>> {
  const forward = request.direction === 'forward';
  const bound =
    request.seq === undefined
      ? undefined
      : forward
        ? gt(column, request.seq)
        : lt(column, request.seq);
  const rows = await read(bound, forward ? asc(column) : desc(column), request.size + 1);
  const items = rows.slice(0, request.size);
  return { items: forward ? items : items.reverse(), hasMore: rows.length > request.size };
}

function nonceAndUserMethods(db: Db) {
  return {
    async createNonce(nonce: string, expiresAt: Date) {
      // Expired nonces are useless; dropping them here keeps the table as small as its traffic.
      await db.delete(siweNonces).where(lt(siweNonces.expiresAt, new Date()));
      await db.insert(siweNonces).values({ nonce, expiresAt });
    },
    async consumeNonce(nonce: string, now: Date) {
      const used = await db
        .update(siweNonces)
        .set({ usedAt: now })
        .where(
          and(
            eq(siweNonces.nonce, nonce),
            isNull(siweNonces.usedAt),
            gt(siweNonces.expiresAt, now),
          ),
        )
        .returning({ nonce: siweNonces.nonce });
      return used.length === 1;
    },
    async ensureUser(address: string) {
      await db.insert(users).values({ id: randomUUID(), address }).onConflictDoNothing();
      const [row] = await db.select().from(users).where(eq(users.address, address));
      return toUser(row!);
    },
  } satisfies Partial<IdentityStore>;
}

function sessionMethods(db: Db) {
  return {
    async createSession(session: { tokenHash: string; userId: string; expiresAt: Date }) {
      // Expired sessions can never be used again; sign-ins clear them out as they come.
      await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
      await db.insert(sessions).values(session);
    },
    async findSession(tokenHash: string, now: Date) {
      const [row] = await db
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(
          and(
            eq(sessions.tokenHash, tokenHash),
            isNull(sessions.revokedAt),
            gt(sessions.expiresAt, now),
          ),
        );
      return row ? toUser(row.user) : null;
    },
    async revokeSession(tokenHash: string, at: Date) {
      await db
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
    },
  } satisfies Partial<IdentityStore>;
}

function apiKeyMethods(db: Db) {
  const owned = (userId: string, id: string) => and(eq(apiKeys.userId, userId), eq(apiKeys.id, id));
  return {
    async createApiKey(key) {
      const [row] = await db
        .insert(apiKeys)
        .values({ ...key, id: randomUUID(), scopes: [...key.scopes] })
        .returning();
      return toApiKey(row!);
    },
    async findApiKey(secretHash) {
      const [row] = await db
        .select({ key: apiKeys, user: users })
        .from(apiKeys)
        .innerJoin(users, eq(users.id, apiKeys.userId))
        .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)));
      return row ? { key: toApiKey(row.key), user: toUser(row.user) } : null;
    },
    async isApiKeyActive(id) {
      const rows = await db
        .select({ id: apiKeys.id })
        .from(apiKeys)
        .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
      return rows.length === 1;
    },
    async touchApiKey(id, at, minIntervalMs) {
      const before = new Date(at.getTime() - minIntervalMs);
      await db
        .update(apiKeys)
        .set({ lastUsedAt: at })
        .where(
          and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, before))),
        );
    },
    async getApiKey(userId, id) {
      const [row] = await db.select().from(apiKeys).where(owned(userId, id));
      return row ? toApiKey(row) : null;
    },
    listApiKeys: (userId, request) =>
      readPage(
        request,
        async (bound, order, limit) =>
          (
            await db
              .select()
              .from(apiKeys)
              .where(and(eq(apiKeys.userId, userId), bound))
              .orderBy(order)
              .limit(limit)
          ).map(toApiKey),
        apiKeys.seq,
      ),
    async revokeApiKey(userId, id, at) {
      // COALESCE keeps the first revocation time when revoked again.
      const [row] = await db
        .update(apiKeys)
        .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, ${at.toISOString()}::timestamptz)` })
        .where(owned(userId, id))
        .returning();
      return row ? toApiKey(row) : null;
    },
  } satisfies Partial<IdentityStore>;
}

function watchlistMethods(db: Db) {
  const owned = (userId: string, id: string) =>
    and(eq(watchlistEntries.userId, userId), eq(watchlistEntries.id, id));
  return {
    async addWatchlistEntry(userId, entry) {
      const [row] = await db
        .insert(watchlistEntries)
        .values({ ...entry, userId, id: randomUUID() })
        .onConflictDoUpdate({
          target: [
            watchlistEntries.userId,
            watchlistEntries.kind,
            watchlistEntries.chainId,
            watchlistEntries.address,
          ],
          set: { label: sql`excluded.label` },
        })
        .returning();
      return toEntry(row!);
    },
    async getWatchlistEntry(userId, id) {
      const [row] = await db.select().from(watchlistEntries).where(owned(userId, id));
      return row ? toEntry(row) : null;
    },
    async removeWatchlistEntry(userId, id) {
      const rows = await db
        .delete(watchlistEntries)
        .where(owned(userId, id))
        .returning({ id: watchlistEntries.id });
      return rows.length === 1;
    },
    listWatchlist: (userId, request) =>
      readPage(
        request,
        async (bound, order, limit) =>
          (
            await db
              .select()
              .from(watchlistEntries)
              .where(and(eq(watchlistEntries.userId, userId), bound))
              .orderBy(order)
              .limit(limit)
          ).map(toEntry),
        watchlistEntries.seq,
      ),
  } satisfies Partial<IdentityStore>;
}

/** The identity store on PostgreSQL (PGlite or a server): see `IdentityStore`. */
export function createIdentityStore(db: Db): IdentityStore {
  return {
    ...nonceAndUserMethods(db),
    ...sessionMethods(db),
    ...apiKeyMethods(db),
    ...watchlistMethods(db),
  };
}
