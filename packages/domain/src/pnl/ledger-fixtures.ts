// Test helpers for the pnl tests: readable trades in whole tokens and dollars.
import { parseFixed, type Fixed } from '../money/fixed';
import { createLedger } from './ledger';
import type { CostMethod, LedgerTrade, WalletLedger } from './types';

export const CHAIN = 1;
export const WALLET = `0x${'a'.repeat(40)}`;
export const USDC = `0x${'1'.repeat(40)}`;
export const TKN = `0x${'2'.repeat(40)}`;
export const WETH = `0x${'3'.repeat(40)}`;
export const ALT = `0x${'4'.repeat(40)}`;

const DECIMALS: Record<string, number> = { [USDC]: 6, [TKN]: 18, [WETH]: 18, [ALT]: 8 };

export const usd = (text: string): Fixed => parseFixed(text);

/** Raw units of `token` for a whole-token amount such as "1.5". */
export function raw(token: string, text: string): bigint {
  const decimals = DECIMALS[token] ?? 18;
  const scale = 10n ** BigInt(18 - decimals);
  const fixed = parseFixed(text);
  if (fixed % scale !== 0n) throw new Error(`${text} has more decimals than the token`);
  return fixed / scale;
}

export interface Swap {
  block: number;
  log?: number;
  id?: string;
  sell: [token: string, amount: string];
  buy: [token: string, amount: string];
  usd: string;
  fee?: string | null;
  gas?: string | null;
}

/** The wallet sells `sell` and buys `buy`, worth `usd`; pool fee and gas default to unknown/0. */
export function swap(s: Swap): LedgerTrade {
  const log = s.log ?? 0;
  return {
    id: s.id ?? `t${s.block}-${log}`,
    chainId: CHAIN,
    blockNumber: s.block,
    logIndex: log,
    timestamp: 1_700_000_000 + s.block * 12,
    wallet: WALLET,
    tokenIn: s.sell[0],
    amountIn: raw(s.sell[0], s.sell[1]),
    decimalsIn: DECIMALS[s.sell[0]] ?? 18,
    tokenOut: s.buy[0],
    amountOut: raw(s.buy[0], s.buy[1]),
    decimalsOut: DECIMALS[s.buy[0]] ?? 18,
    volumeUsd: usd(s.usd),
    feeUsd: s.fee == null ? null : usd(s.fee),
    gasFeeUsd: s.gas === undefined ? usd('0') : s.gas === null ? null : usd(s.gas),
  };
}

/** A ledger of WALLET on CHAIN, with USDC as cash unless told otherwise. */
export const ledgerFor = (method: CostMethod = 'average', cash = [USDC]): WalletLedger =>
  createLedger({
    wallet: WALLET,
    method,
    cashTokens: cash.map((token) => ({ chainId: CHAIN, token })),
  });
