import {
  formatFixed,
  parseFixed,
  tokensFromRaw,
  usdValue,
  type AnalyticsReader,
  type BalanceInterval,
  type Fixed,
  type OltpReader,
  type TokenBalance,
  type TokenRecord,
} from '@tidemark/domain';
import { toChainId, toPnlRange } from '../market/market-arguments';
import type { WalletView } from './wallet-view';

export interface PortfolioDeps {
  oltp: OltpReader;
  analytics: AnalyticsReader;
  now(): number;
}

export interface BalanceHistoryArgs {
  token: string;
  chainId: number;
  interval: BalanceInterval;
  from?: number | null;
  to?: number | null;
}

interface Valuation {
  token: TokenRecord | undefined;
  priceUsd: Fixed | null;
}

const text = (value: Fixed | null) => (value === null ? null : formatFixed(value));

/** Whole tokens and USD of a raw amount; null where decimals or the price are unknown. */
function figures(raw: bigint, { token, priceUsd }: Valuation) {
  const decimals = token?.decimals ?? null;
  if (decimals === null) return { amount: null, valueUsd: null };
  const value = priceUsd === null ? null : usdValue(raw, decimals, priceUsd);
  return { amount: formatFixed(tokensFromRaw(raw, decimals)), valueUsd: text(value) };
}

async function latestPrice(deps: PortfolioDeps, chainId: number, token: string) {
  const record = await deps.analytics.tokenPrice(chainId, token);
  return record === null ? null : parseFixed(record.priceUsd);
}

/** Each chain's token catalog, read once per chain the answer touches. */
async function catalogs(deps: PortfolioDeps, chainIds: Iterable<number>) {
  const out = new Map<number, Map<string, TokenRecord>>();
  for (const chainId of new Set(chainIds)) {
    const tokens = await deps.oltp.getTokens(chainId);
    out.set(chainId, new Map(tokens.map((t) => [t.address.toLowerCase(), t])));
  }
  return out;
}

/** `Wallet.balances`: the wallet's token balances, valued at each token's latest price. */
export async function walletBalances(
  deps: PortfolioDeps,
  wallet: WalletView,
  includeZero: boolean,
) {
  const all = await deps.analytics.portfolio.balances(wallet.address, wallet.chainId ?? undefined);
  const held = all.filter((b) => includeZero || BigInt(b.balance) !== 0n);
  const tokens = await catalogs(
    deps,
    held.map((b) => b.chainId),
  );
  return Promise.all(
    held.map(async (b: TokenBalance) => {
      const token = tokens.get(b.chainId)?.get(b.token);
      const priceUsd = await latestPrice(deps, b.chainId, b.token);
      return {
        chainId: b.chainId,
        token: b.token,
        symbol: token?.symbol ?? null,
        decimals: token?.decimals ?? null,
        balance: b.balance,
        priceUsd: text(priceUsd),
        ...figures(BigInt(b.balance), { token, priceUsd }),
        lastBlock: b.lastBlock,
      };
    }),
  );
}

/**
 * `Wallet.balanceHistory`: one token's balance at the end of each bucket in which it changed,
 * valued at the token's price at that bucket's end (the store reads it with the balances).
 */
export async function walletBalanceHistory(
  deps: PortfolioDeps,
  wallet: WalletView,
  args: BalanceHistoryArgs,
) {
  const chainId = toChainId(args.chainId);
  const range = toPnlRange(args, args.interval, deps.now());
  const points = await deps.analytics.portfolio.balanceHistory({
    chainId,
    wallet: wallet.address,
    token: args.token,
    interval: args.interval,
    ...range,
  });
  if (points.length === 0) return [];
  const token = (await catalogs(deps, [chainId])).get(chainId)?.get(args.token.toLowerCase());
  return points.map((p) => {
    const priceUsd = p.priceUsd === null ? null : parseFixed(p.priceUsd);
    return {
      time: p.bucket,
      balance: p.balance,
      priceUsd: text(priceUsd),
      ...figures(BigInt(p.balance), { token, priceUsd }),
    };
  });
}

/** The API's `BalanceInterval` values in the domain's words. */
export const BalanceIntervalEnum = { H1: '1h', D1: '1d' } satisfies Record<string, BalanceInterval>;
