/** What an API key may do: read the API, or write the user's alerting objects (watchlists). */
export type ApiKeyScopeName = 'read' | 'alerts:write';

/** What a watchlist entry follows: a pool's trades, or a wallet's. */
export type WatchTargetKind = 'pool' | 'wallet';

/** A user: an Ethereum account that signed in with EIP-4361 at least once. */
export interface UserRecord {
  id: string;
  /** Lower case. */
  address: string;
  createdAt: Date;
}

export interface ApiKeyRecord {
  id: string;
  userId: string;
  name: string;
  /** The first characters of the secret (e.g. `tmk_Ab3d`), so a user can tell keys apart. */
  prefix: string;
  scopes: readonly ApiKeyScopeName[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** Position in the user's list (creation order), for cursors. */
  seq: number;
}

export interface WatchlistEntryRecord {
  id: string;
  userId: string;
  kind: WatchTargetKind;
  chainId: number;
  /** Lower case. */
  address: string;
  label: string | null;
  createdAt: Date;
  /** Position in the user's list (creation order), for cursors. */
  seq: number;
}

/**
 * A page of a user's list (creation order): `size` items after the one at `seq` (forward), or
 * the `size` items before it (backward); without `seq`, from the start or the end.
 */
export interface SeqPageRequest {
  direction: 'forward' | 'backward';
  size: number;
  seq?: number;
}

/** A page's items in creation order, and whether more lie beyond it in its direction. */
export interface IdentityPage<T> {
  items: T[];
  hasMore: boolean;
}

export interface NewApiKey {
  userId: string;
  name: string;
  prefix: string;
  /** SHA-256 of the secret (hex); the secret itself is never stored. */
  secretHash: string;
  scopes: readonly ApiKeyScopeName[];
}

export interface NewWatchlistEntry {
  kind: WatchTargetKind;
  chainId: number;
  address: string;
  label: string | null;
}

/**
 * Users, sign-in nonces, sessions, API keys and watchlists (PostgreSQL or PGlite). Secrets are
 * stored only as SHA-256 hashes. Every read or change of an owned object takes the owner's id, so
 * another user's object behaves exactly like an unknown one (null / false).
 */
export interface IdentityStore {
  /** Stores a fresh sign-in nonce, usable once until `expiresAt`. */
  createNonce(nonce: string, expiresAt: Date): Promise<void>;
  /** Marks the nonce used; false when it is unknown, used already or expired at `now`. Atomic. */
  consumeNonce(nonce: string, now: Date): Promise<boolean>;

  /** The user of `address` (lower case), created on first sign-in. */
  ensureUser(address: string): Promise<UserRecord>;

  createSession(session: { tokenHash: string; userId: string; expiresAt: Date }): Promise<void>;
  /** The user of a session that is neither revoked nor expired at `now`, else null. */
  findSession(tokenHash: string, now: Date): Promise<UserRecord | null>;
  /** Idempotent. */
  revokeSession(tokenHash: string, at: Date): Promise<void>;

  createApiKey(key: NewApiKey): Promise<ApiKeyRecord>;
  /** An unrevoked key by its secret's hash, with its user, else null. */
  findApiKey(secretHash: string): Promise<{ key: ApiKeyRecord; user: UserRecord } | null>;
  /** Whether the key exists and is not revoked (checked on every live event). */
  isApiKeyActive(id: string): Promise<boolean>;
  /** Sets lastUsedAt to `at` unless it is already within `minIntervalMs` of it. */
  touchApiKey(id: string, at: Date, minIntervalMs: number): Promise<void>;
  /** The user's key `id` (revoked ones too), or null when unknown or someone else's. */
  getApiKey(userId: string, id: string): Promise<ApiKeyRecord | null>;
  listApiKeys(userId: string, page: SeqPageRequest): Promise<IdentityPage<ApiKeyRecord>>;
  /** Revokes the user's key (again is harmless); null when unknown or someone else's. */
  revokeApiKey(userId: string, id: string, at: Date): Promise<ApiKeyRecord | null>;

  /** Adds a target to the user's watchlist; adding it again updates its label. */
  addWatchlistEntry(userId: string, entry: NewWatchlistEntry): Promise<WatchlistEntryRecord>;
  /** The user's entry `id`, or null when unknown or someone else's. */
  getWatchlistEntry(userId: string, id: string): Promise<WatchlistEntryRecord | null>;
  /** False when unknown or someone else's. */
  removeWatchlistEntry(userId: string, id: string): Promise<boolean>;
  listWatchlist(userId: string, page: SeqPageRequest): Promise<IdentityPage<WatchlistEntryRecord>>;
}
