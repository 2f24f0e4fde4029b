import type {
  ActivityWindow,
  CandleInterval,
  LeaderboardMetric,
  PnlBucket,
  TradeSide,
} from '@tidemark/domain';
import { candles, pool, pools, type CandlesArgs, type PoolsArgs } from './market-queries';
import { portfolioResolvers } from './portfolio-view';
import { tradePricingResolvers } from './trade-pricing';
import {
  leaderboard,
  wallet,
  type LeaderboardArgs,
  type PnlHistoryArgs,
  type WalletQueryDeps,
} from './wallet-queries';
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
  LeaderboardMetric: {
    VOLUME: 'volume',
    REALIZED_PNL: 'realizedPnl',
    WIN_RATE: 'winRate',
  } satisfies Record<string, LeaderboardMetric>,
  PnlBucket: { H1: '1h', D1: '1d' } satisfies Record<string, PnlBucket>,
  TradeSide: { BUY: 'buy', SELL: 'sell' } satisfies Record<string, TradeSide>,
};

/** Queries and types of the analytics API: candles, wallets, leaderboards, pools, trade USD. */
export function analyticsResolvers(deps: WalletQueryDeps) {
  const portfolio = portfolioResolvers(deps);
  return {
    ...enums,
    BalanceInterval: portfolio.BalanceInterval,
    Query: {
      candles: (_parent: unknown, args: CandlesArgs) => candles(deps, args),
      wallet: (_parent: unknown, args: { address: string; chainId?: number | null }) =>
        wallet(deps, args),
      leaderboard: (_parent: unknown, args: LeaderboardArgs) => leaderboard(deps, args),
      pools: (_parent: unknown, args: PoolsArgs) => pools(deps, args),
      pool: (_parent: unknown, args: { chainId: number; address: string }) => pool(deps, args),
    },
    Wallet: {
      activity: (w: WalletView, args: { window: ActivityWindow }) => w.activity(args.window),
      positions: (w: WalletView, args: { includeClosed: boolean }) =>
        w.positions(args.includeClosed),
      pnlHistory: (w: WalletView, args: PnlHistoryArgs) => w.pnlHistory(args),
      totals: (w: WalletView) => w.totals(),
      ...portfolio.Wallet,
    },
    Trade: tradePricingResolvers,
  };
}
