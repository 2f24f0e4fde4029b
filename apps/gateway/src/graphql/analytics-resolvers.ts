import type { GraphQLResolveInfo } from 'graphql';
import type { ActivityWindow, CandleInterval, PnlBucket, TradeSide } from '@tidemark/domain';
import { candles, pool, pools, type CandlesArgs, type PoolsArgs } from './market-queries';
import { pageInfoResolvers } from './paging';
import { BalanceIntervalEnum } from './portfolio-view';
import { tradePricingResolvers } from './trade-pricing';
import { walletListResolvers } from './wallet-lists';
import { leaderboard, wallet, type LeaderboardArgs, type WalletQueryDeps } from './wallet-queries';
import type { WalletView } from './wallet-view';

// The API spells these as enum values; resolvers and stores work with the domain's words.
const enums = {
  CandleInterval: {
    M1: '1m',
    M5: '5m',
    M15: '15m',
    H1: '1h',
    H4: '4h',
    D1: '1d',
  } satisfies Record<string, CandleInterval>,
  ActivityWindow: { H24: '24h', D7: '7d', D30: '30d', ALL: 'all' } satisfies Record<
    string,
    ActivityWindow
  >,
  PnlBucket: { H1: '1h', D1: '1d' } satisfies Record<string, PnlBucket>,
  TradeSide: { BUY: 'buy', SELL: 'sell' } satisfies Record<string, TradeSide>,
};

/** Queries and types of the analytics API: candles, wallets, leaderboards, pools, trade USD. */
export function analyticsResolvers(deps: WalletQueryDeps) {
  return {
    ...enums,
    BalanceInterval: BalanceIntervalEnum,
    Query: {
      candles: (_parent: unknown, args: CandlesArgs, _context: unknown, info: GraphQLResolveInfo) =>
        candles(deps, args, info),
      wallet: (_parent: unknown, args: { address: string; chainId?: number | null }) =>
        wallet(deps, args),
      leaderboard: (
        _parent: unknown,
        args: LeaderboardArgs,
        _context: unknown,
        info: GraphQLResolveInfo,
      ) => leaderboard(deps, args, info),
      pools: (_parent: unknown, args: PoolsArgs, _context: unknown, info: GraphQLResolveInfo) =>
        pools(deps, args, info),
      pool: (_parent: unknown, args: { chainId: number; address: string }) => pool(deps, args),
    },
    Wallet: {
      activity: (w: WalletView, args: { window: ActivityWindow }) => w.activity(args.window),
      totals: (w: WalletView) => w.totals(),
      ...walletListResolvers(deps),
    },
    Trade: tradePricingResolvers,
    PageInfo: pageInfoResolvers,
  };
}
