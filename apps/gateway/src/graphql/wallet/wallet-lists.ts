import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import type { PnlBucket } from '@tidemark/domain';
import { pageOfList } from '../paging/list-paging';
import type { TimeRangeInput } from '../market/market-queries';
import { listLimits, seriesLimits, toPageRequest, type PageArgs } from '../paging/paging';
import {
  walletBalanceHistory,
  walletBalances,
  type BalanceHistoryArgs,
  type PortfolioDeps,
} from './portfolio-view';
import type { WalletView } from './wallet-view';

const TokenKey = z.tuple([z.number().int(), z.string()]);
const TimeKey = z.tuple([z.number().int().nonnegative()]);
const byToken = (item: { chainId: number; token: string }) => [item.chainId, item.token] as const;
const byTime = (item: { time: number }) => [item.time] as const;

/** How a wallet's list is named in its cursors: the wallet, its chain scope, then the rest. */
function walletList(w: WalletView, what: string, range?: TimeRangeInput | null): string {
  const scope = w.chainId === null ? 'every chain' : `chain ${w.chainId}`;
  const span = range === undefined ? '' : ` in [${range?.from ?? ''}, ${range?.to ?? ''})`;
  return `${what} of wallet ${w.address} on ${scope}${span}`;
}

export interface PositionsArgs extends PageArgs {
  filter?: { includeClosed?: boolean | null } | null;
}

export interface PnlHistoryListArgs extends PageArgs {
  bucket: PnlBucket;
  filter?: TimeRangeInput | null;
}

export interface BalancesArgs extends PageArgs {
  filter?: { includeZero?: boolean | null } | null;
}

export interface BalanceHistoryListArgs
  extends PageArgs, Pick<BalanceHistoryArgs, 'token' | 'chainId' | 'interval'> {
  filter?: TimeRangeInput | null;
}

/**
 * The `Wallet` lists as connections. Each is read whole (they are small: a wallet's tokens, or
 * at most 31 days of hours), so paging is exact both ways and `totalCount` is free.
 */
export function walletListResolvers(deps: PortfolioDeps) {
  return {
    positions: async (
      w: WalletView,
      args: PositionsArgs,
      _context: unknown,
      info: GraphQLResolveInfo,
    ) => {
      const closed = args.filter?.includeClosed === true;
      const list = walletList(w, closed ? 'positions (closed included)' : 'positions');
      const items = await w.positions(closed);
      return pageOfList(
        items,
        { list, keyOf: byToken, key: TokenKey },
        toPageRequest(args, listLimits, info),
      );
    },
    pnlHistory: async (
      w: WalletView,
      args: PnlHistoryListArgs,
      _context: unknown,
      info: GraphQLResolveInfo,
    ) => {
      const request = toPageRequest(args, seriesLimits, info);
      const list = walletList(w, `the ${args.bucket} PnL history`, args.filter ?? null);
      const items = await w.pnlHistory({ bucket: args.bucket, ...args.filter });
      return pageOfList(items, { list, keyOf: byTime, key: TimeKey }, request);
    },
    balances: async (
      w: WalletView,
      args: BalancesArgs,
      _context: unknown,
      info: GraphQLResolveInfo,
    ) => {
      const zero = args.filter?.includeZero === true;
      const list = walletList(w, zero ? 'balances (zeros included)' : 'balances');
      const items = await walletBalances(deps, w, zero);
      return pageOfList(
        items,
        { list, keyOf: byToken, key: TokenKey },
        toPageRequest(args, listLimits, info),
      );
    },
    balanceHistory: async (
      w: WalletView,
      args: BalanceHistoryListArgs,
      _context: unknown,
      info: GraphQLResolveInfo,
    ) => {
      const request = toPageRequest(args, seriesLimits, info);
      const what = `the ${args.interval} balance history of token ${args.token} on chain ${args.chainId}`;
      const list = walletList(w, what, args.filter ?? null);
      const items = await walletBalanceHistory(deps, w, { ...args, ...args.filter });
      return pageOfList(items, { list, keyOf: byTime, key: TimeKey }, request);
    },
  };
}
