import type { IdentityStore, WatchlistEntryRecord } from '@tidemark/domain';
import { requireScope, type IdentityContext, type SignedInViewer } from '../../auth/access';
import { viewerStillValid } from '../../auth/identity-policy';
import { UnauthenticatedError } from '../../auth/errors';
import type { LiveContext, ResolverDeps } from '../context';
import { dropSlowSubscriber } from '../server/slow-subscriber';
import type { TradeView } from '../trades/trade-view';

/** Pushed in place of a trade once the credential stops working; resolving it ends the stream. */
const credentialEnded = Symbol('credential ended');
type WatchPush = TradeView | typeof credentialEnded;

const pageSize = 100;

/** The user's whole watchlist, read now (so a removed entry stops matching at once). */
async function currentEntries(store: IdentityStore, userId: string) {
  const entries: WatchlistEntryRecord[] = [];
  let seq: number | undefined;
  for (;;) {
    const page = await store.listWatchlist(userId, { direction: 'forward', size: pageSize, seq });
    entries.push(...page.items);
    if (!page.hasMore || page.items.length === 0) return entries;
    seq = page.items.at(-1)!.seq;
  }
}

const follows = (entry: WatchlistEntryRecord, trade: TradeView) =>
  entry.chainId === trade.chainId &&
  (entry.kind === 'pool' ? entry.address === trade.pool : entry.address === trade.trader);

/**
 * Every live trade, kept when the viewer's watchlist follows its pool or trader. Owner and
 * contents are read on every event (the viewer's own list, by its user id), and so is the
 * credential: a revoked key or ended session ends the stream.
 */
async function* watchedTrades(
  deps: ResolverDeps,
  viewer: SignedInViewer,
  source: AsyncIterableIterator<TradeView>,
): AsyncGenerator<WatchPush> {
  const { store } = deps.identity;
  try {
    for await (const trade of source) {
      if (!(await viewerStillValid(store, viewer, new Date(deps.identity.clockMs())))) {
        yield credentialEnded;
        return;
      }
      const entries = await currentEntries(store, viewer.userId);
      if (entries.some((entry) => follows(entry, trade))) yield trade;
    }
  } finally {
    await source.return?.();
  }
}

/** `watchlistTrades`: needs a session or an API key with READ. */
export function watchlistTrades(deps: ResolverDeps) {
  return {
    subscribe: (_parent: unknown, _args: unknown, context: LiveContext & IdentityContext) => {
      const viewer = requireScope(context, 'read');
      const fields = { userId: viewer.userId };
      const message = 'watchlist subscriber too slow, dropping';
      const drop = dropSlowSubscriber(deps.logger, context, fields, message);
      const source = deps.fanout.subscribe({}, drop);
      return watchedTrades(deps, viewer, source);
    },
    resolve: (push: WatchPush) => {
      if (push === credentialEnded)
        throw new UnauthenticatedError(
          'Your API key was revoked or your session ended: this subscription stops. Reconnect with a valid credential.',
        );
      return push;
    },
  };
}
