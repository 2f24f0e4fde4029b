import {
  applyTrade,
  createLedger,
  ledgerToJSON,
  parseFixed,
  type LedgerTrade,
  type OltpStore,
  type PricedTrade,
  type WalletLedger,
} from '@tidemark/domain';
import type { TradeExecutedV1 } from '@tidemark/schema';
import { makeTrade } from './trades';

export const HOUR = 3_600;
export const DAY = 86_400;
/** A UTC midnight (2023-11-14). */
export const D = 1_699_920_000;
/** The gateway's fixed "now" in these tests: 12:30 UTC on day D + 2. */
export const NOW = D + 2 * DAY + 12 * HOUR + 1_800;

/** A lower-case address made of one repeated byte, e.g. `byteAddress('a1')`. */
export const byteAddress = (byte: string): `0x${string}` => `0x${byte.repeat(20)}`;

/** Distinct per chain and block, like a real block hash. */
export const blockHashOf = (chainId: number, block: number): string =>
  `0x${chainId.toString(16).padStart(8, '0')}${block.toString(16).padStart(56, '0')}`;

export interface PricedFields {
  chainId?: number;
  block: number;
  log?: number;
  at: number;
  pool: string;
  trader: string;
  base?: string;
  quote?: string;
  side?: 'buy' | 'sell';
  baseAmount?: string;
  quoteAmount?: string;
  priceQuote?: string | null;
  priceUsd?: string | null;
  volumeUsd?: string | null;
  feeUsd?: string | null;
  gasFeeUsd?: string | null;
  pnl?: string | null;
  closes?: boolean;
  win?: boolean;
}

/** A priced trade as the analytics role writes it; figures default to a $1 trade. */
export function priced(f: PricedFields): PricedTrade {
  const chainId = f.chainId ?? 1;
  const log = f.log ?? 0;
  return {
    chainId,
    blockNumber: f.block,
    blockHash: blockHashOf(chainId, f.block),
    logIndex: log,
    timestamp: f.at,
    txHash: `0x${'c'.repeat(8)}${blockHashOf(chainId, f.block).slice(10, 58)}${log.toString(16).padStart(8, '0')}`,
    protocol: 'uniswap-v2',
    pool: f.pool,
    trader: f.trader,
    baseToken: f.base ?? byteAddress('b1'),
    quoteToken: f.quote ?? byteAddress('c1'),
    side: f.side ?? 'buy',
    baseAmount: f.baseAmount ?? '1',
    quoteAmount: f.quoteAmount ?? '1',
    priceQuote: f.priceQuote === undefined ? '1' : f.priceQuote,
    priceUsd: f.priceUsd === undefined ? '1' : f.priceUsd,
    volumeUsd: f.volumeUsd === undefined ? '1' : f.volumeUsd,
    feeUsd: f.feeUsd === undefined ? null : f.feeUsd,
    gasFeeUsd: f.gasFeeUsd === undefined ? null : f.gasFeeUsd,
    priceSource: 'pool:test',
    realizedPnlUsd: f.pnl === undefined ? null : f.pnl,
    closesPosition: f.closes ?? false,
    isWin: f.win ?? false,
  };
}

/** The indexed trade a priced trade was made from (same chain, block hash and log index). */
export function indexedTrade(p: PricedTrade): TradeExecutedV1 {
  const buy = p.side === 'buy';
  return makeTrade({
    chainId: p.chainId,
    blockNumber: p.blockNumber,
    blockHash: p.blockHash as `0x${string}`,
    logIndex: p.logIndex,
    timestamp: p.timestamp,
    txHash: p.txHash as `0x${string}`,
    pool: p.pool as `0x${string}`,
    trader: p.trader as `0x${string}`,
    tokenIn: (buy ? p.quoteToken : p.baseToken) as `0x${string}`,
    tokenOut: (buy ? p.baseToken : p.quoteToken) as `0x${string}`,
    amountIn: buy ? p.quoteAmount : p.baseAmount,
    amountOut: buy ? p.baseAmount : p.quoteAmount,
  });
}

export interface SwapFields {
  chainId: number;
  block: number;
  at: number;
  wallet: string;
  sell: [token: string, raw: bigint, decimals: number];
  buy: [token: string, raw: bigint, decimals: number];
  usd: string;
  fee: string | null;
  gas: string | null;
}

/** A ledger trade: the wallet sells `sell` and buys `buy`, worth `usd`. */
export function swap(s: SwapFields): LedgerTrade {
  return {
    id: `${s.chainId}:${blockHashOf(s.chainId, s.block)}:0`,
    chainId: s.chainId,
    blockNumber: s.block,
    logIndex: 0,
    timestamp: s.at,
    wallet: s.wallet,
    tokenIn: s.sell[0],
    amountIn: s.sell[1],
    decimalsIn: s.sell[2],
    tokenOut: s.buy[0],
    amountOut: s.buy[1],
    decimalsOut: s.buy[2],
    volumeUsd: parseFixed(s.usd),
    feeUsd: s.fee === null ? null : parseFixed(s.fee),
    gasFeeUsd: s.gas === null ? null : parseFixed(s.gas),
  };
}

/** The wallet's ledger on one chain after `trades`, built by the domain as the analytics role does. */
export function ledgerAfter(
  wallet: string,
  chainId: number,
  cash: readonly string[],
  trades: readonly LedgerTrade[],
): WalletLedger {
  const start = createLedger({
    wallet,
    cashTokens: cash.map((token) => ({ chainId, token })),
  });
  return trades.reduce(applyTrade, start);
}

/** Stores the ledger where the analytics role keeps it, as of its last trade's block. */
export async function commitLedger(
  oltp: OltpStore,
  chainId: number,
  ledger: WalletLedger,
  block: number,
): Promise<void> {
  await oltp.state.commit(
    'analytics',
    chainId,
    [{ key: `ledger:${ledger.wallet}`, value: ledgerToJSON(ledger), blockNumber: block }],
    { blockNumber: block, blockHash: blockHashOf(chainId, block), logIndex: 0 },
  );
}
