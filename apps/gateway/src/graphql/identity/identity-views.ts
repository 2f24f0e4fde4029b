import type { ApiKeyRecord, UserRecord, WatchlistEntryRecord } from '@tidemark/domain';
import type { SignedInViewer } from '../../auth/access';
import { toGlobalId } from './identity-ids';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const maybeSeconds = (date: Date | null) => (date === null ? null : seconds(date));

/** A User as resolvers pass it on: always the caller (or the account that just signed in). */
export interface UserView {
  id: string;
  userId: string;
  address: string;
  authenticatedBy: 'session' | 'apiKey';
}

export const userView = (
  user: Pick<UserRecord, 'id' | 'address'>,
  via: SignedInViewer['via'],
): UserView => ({
  id: toGlobalId('User', user.id),
  userId: user.id,
  address: user.address,
  authenticatedBy: via,
});

export const viewerUser = (viewer: SignedInViewer): UserView =>
  userView({ id: viewer.userId, address: viewer.address }, viewer.via);

export const apiKeyView = (key: ApiKeyRecord) => ({
  id: toGlobalId('ApiKey', key.id),
  name: key.name,
  prefix: key.prefix,
  scopes: key.scopes,
  createdAt: seconds(key.createdAt),
  lastUsedAt: maybeSeconds(key.lastUsedAt),
  revokedAt: maybeSeconds(key.revokedAt),
});

export const watchlistEntryView = (entry: WatchlistEntryRecord) => ({
  id: toGlobalId('WatchlistEntry', entry.id),
  kind: entry.kind,
  chainId: entry.chainId,
  address: entry.address,
  label: entry.label,
  createdAt: seconds(entry.createdAt),
});

export type WatchlistEntryView = ReturnType<typeof watchlistEntryView>;
