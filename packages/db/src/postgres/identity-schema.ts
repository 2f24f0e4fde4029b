import {
  bigserial,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Ids are text (random UUIDs made by the store): a malformed id from a caller is just unknown.
const at = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => at('created_at').notNull().defaultNow();
// Creation order within a user's list, for cursors (ids are random).
const seq = () => bigserial('seq', { mode: 'number' }).notNull();

/** Accounts that signed in with EIP-4361 at least once. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  /** Lower case. */
  address: text('address').notNull().unique(),
  createdAt: createdAt(),
});

/** Sign-in nonces: single use, short-lived. */
export const siweNonces = pgTable(
  'siwe_nonces',
  {
    nonce: text('nonce').primaryKey(),
    expiresAt: at('expires_at').notNull(),
    usedAt: at('used_at'),
  },
  (table) => [index('siwe_nonces_expires_at').on(table.expiresAt)],
);

/** Browser sessions; only the SHA-256 of the cookie's token is kept. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: at('expires_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (table) => [
    index('sessions_user_id').on(table.userId),
    index('sessions_expires_at').on(table.expiresAt),
  ],
);

/** Integrators' API keys; only the SHA-256 of the secret is kept. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    seq: seq(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull().unique(),
    scopes: text('scopes').array().notNull(),
    createdAt: createdAt(),
    lastUsedAt: at('last_used_at'),
    revokedAt: at('revoked_at'),
  },
  (table) => [index('api_keys_user_seq').on(table.userId, table.seq)],
);

/** The pools and wallets each user follows; one entry per target and user. */
export const watchlistEntries = pgTable(
  'watchlist_entries',
  {
    id: text('id').primaryKey(),
    seq: seq(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    chainId: integer('chain_id').notNull(),
    /** Lower case. */
    address: text('address').notNull(),
    label: text('label'),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('watchlist_entries_target').on(
      table.userId,
      table.kind,
      table.chainId,
      table.address,
    ),
    index('watchlist_entries_user_seq').on(table.userId, table.seq),
  ],
);
