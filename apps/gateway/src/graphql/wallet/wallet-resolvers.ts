import type { GraphQLResolveInfo } from 'graphql';
import type { ActivityWindow, PnlBucket } from '@tidemark/domain';
import type { ResolverDeps } from '../context';
import { BalanceIntervalEnum } from './portfolio-view';
import { walletListResolvers } from './wallet-lists';
import { leaderboard, wallet, type LeaderboardArgs } from './wallet-queries';
import { walletUpdated } from './wallet-subscriptions';
import type { WalletView } from './wallet-view';

/** The wallet area of the resolver map: a wallet's figures and lists, leaderboards, live totals. */
export function walletResolvers(deps: ResolverDeps) {
  return {
    // The API spells these as enum values; resolvers and stores work with the domain's words.
    ActivityWindow: { H24: '24h', D7: '7d', D30: '30d', ALL: 'all' } satisfies Record<
      string,
      ActivityWindow
    >,
    PnlBucket: { H1: '1h', D1: '1d' } satisfies Record<string, PnlBucket>,
    BalanceInterval: BalanceIntervalEnum,
    Query: {
      wallet: (_parent: unknown, args: { address: string; chainId?: number | null }) =>
        wallet(deps, args),
      leaderboard: (
        _parent: unknown,
        args: LeaderboardArgs,
        _context: unknown,
        info: GraphQLResolveInfo,
      ) => leaderboard(deps, args, info),
    },
    Wallet: {
      activity: (w: WalletView, args: { window: ActivityWindow }) => w.activity(args.window),
      totals: (w: WalletView) => w.totals(),
      ...walletListResolvers(deps),
    },
    Subscription: { walletUpdated: walletUpdated(deps) },
  };
}
