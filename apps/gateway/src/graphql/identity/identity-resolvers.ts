import type { ApiKeyScopeName, WatchTargetKind } from '@tidemark/domain';
import { assertScope, requireScope, type IdentityContext } from '../../auth/access';
import { NotFoundError } from '../../auth/errors';
import type { IdentityService } from '../../auth/identity-service';
import { fromGlobalId, seqConnection, toSeqPage } from './identity-ids';
import { identityMutations } from './identity-mutations';
import { watchlistTrades } from './identity-subscriptions';
import {
  apiKeyView,
  viewerUser,
  watchlistEntryView,
  type UserView,
  type WatchlistEntryView,
} from './identity-views';
import { requestLoaders } from '../loaders/request-loaders';
import { toPoolView } from '../market/market-queries';
import type { PageArgs } from '../paging/paging';
import type { ResolverDeps } from '../context';
import { wallet } from '../wallet/wallet-queries';

/** The user's own object `id` or NOT_FOUND; reading needs the READ scope on an API key. */
async function ownApiKey(identity: IdentityService, context: IdentityContext, id: string) {
  const viewer = requireScope(context, 'read');
  const key = await identity.store.getApiKey(viewer.userId, fromGlobalId('ApiKey', id, 'API key'));
  if (key === null) throw new NotFoundError('API key');
  return apiKeyView(key);
}

async function ownWatchlistEntry(identity: IdentityService, context: IdentityContext, id: string) {
  const viewer = requireScope(context, 'read');
  const storeId = fromGlobalId('WatchlistEntry', id, 'Watchlist entry');
  const entry = await identity.store.getWatchlistEntry(viewer.userId, storeId);
  if (entry === null) throw new NotFoundError('Watchlist entry');
  return watchlistEntryView(entry);
}

/**
 * A User's lists. The parent is always the caller (viewer) or the account that just signed in:
 * resolvers build it, callers cannot name another user. An API key needs READ to list.
 */
function userResolvers(identity: IdentityService) {
  return {
    apiKeys: async (user: UserView, args: PageArgs, context: IdentityContext) => {
      assertScope(context.viewer, 'read');
      const request = toSeqPage('User.apiKeys', args);
      const page = await identity.store.listApiKeys(user.userId, request);
      return seqConnection('User.apiKeys', request, page, apiKeyView);
    },
    watchlist: async (user: UserView, args: PageArgs, context: IdentityContext) => {
      assertScope(context.viewer, 'read');
      const request = toSeqPage('User.watchlist', args);
      const page = await identity.store.listWatchlist(user.userId, request);
      return seqConnection('User.watchlist', request, page, watchlistEntryView);
    },
  };
}

/** What a watchlist entry follows, read in batches across the entries of one answer. */
function watchlistEntryResolvers(deps: ResolverDeps) {
  const loaders = requestLoaders(deps.analytics, () => deps.now());
  return {
    pool: async (entry: WatchlistEntryView, _args: unknown, context: object) => {
      if (entry.kind !== 'pool') return null;
      const ref = { chainId: entry.chainId, pool: entry.address };
      const stats = await loaders(context).poolStats.load(ref);
      return stats === null ? null : toPoolView(stats);
    },
    wallet: (entry: WatchlistEntryView) =>
      entry.kind === 'wallet'
        ? wallet(deps, { address: entry.address, chainId: entry.chainId })
        : null,
  };
}

/** Identity's part of the resolver map: merged into resolvers.ts. */
export function identityResolvers(deps: ResolverDeps) {
  const { identity } = deps;
  return {
    // The API spells these as enum values; the store keeps its own words.
    ApiKeyScope: { READ: 'read', ALERTS_WRITE: 'alerts:write' } satisfies Record<
      string,
      ApiKeyScopeName
    >,
    WatchlistEntryKind: { POOL: 'pool', WALLET: 'wallet' } satisfies Record<
      string,
      WatchTargetKind
    >,
    AuthenticationMethod: { SESSION: 'session', API_KEY: 'apiKey' } as const,
    User: userResolvers(identity),
    WatchlistEntry: watchlistEntryResolvers(deps),
    Query: {
      viewer: (_parent: unknown, _args: unknown, context: IdentityContext) =>
        context.viewer?.kind === 'user' ? viewerUser(context.viewer) : null,
      apiKey: (_parent: unknown, args: { id: string }, context: IdentityContext) =>
        ownApiKey(identity, context, args.id),
      watchlistEntry: (_parent: unknown, args: { id: string }, context: IdentityContext) =>
        ownWatchlistEntry(identity, context, args.id),
    },
    Mutation: identityMutations(identity),
    Subscription: { watchlistTrades: watchlistTrades(deps) },
  };
}
