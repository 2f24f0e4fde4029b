import type { PricedTrade } from '@tidemark/domain';
import { address, hex } from './fixtures';

/** A UTC midnight (2023-11-14), so every interval's buckets line up with it. */
export const D = 1_699_920_000;
export const HOUR = 3_600;
export const DAY = 86_400;

export const pool = (n: number) => address(11, n);
export const wallet = (n: number) => address(12, n);
export const token = (n: number) => address(13, n);
export const blockHash = (chainId: number, block: number) => hex(32, chainId, block);

export interface TradeFields {
  chainId?: number;
  block: number;
  log?: number;
  at: number;
  pool?: number;
  trader: number;
  side?: 'buy' | 'sell';
  base?: string;
  quote?: string;
  priceQuote?: string | null;
  priceUsd?: string | null;
  volumeUsd?: string | null;
  feeUsd?: string | null;
  gasFeeUsd?: string | null;
  pnl?: string | null;
  closes?: boolean;
  win?: boolean;
}

/** A priced trade; the block hash follows from chain and block, like the base fixtures. */
export function pricedTrade(f: TradeFields): PricedTrade {
  const chainId = f.chainId ?? 1;
  const log = f.log ?? 0;
  return {
    chainId,
    blockNumber: f.block,
    blockHash: blockHash(chainId, f.block),
    logIndex: log,
    timestamp: f.at,
    txHash: hex(32, chainId, f.block, log),
    protocol: 'uniswap-v2',
    pool: pool(f.pool ?? 1),
    trader: wallet(f.trader),
    baseToken: token(1),
    quoteToken: token(2),
    side: f.side ?? 'buy',
    baseAmount: f.base ?? '1',
    quoteAmount: f.quote ?? '1',
    priceQuote: f.priceQuote === undefined ? '1' : f.priceQuote,
    priceUsd: f.priceUsd === undefined ? '1' : f.priceUsd,
    volumeUsd: f.volumeUsd === undefined ? '1' : f.volumeUsd,
    feeUsd: f.feeUsd === undefined ? '0.003' : f.feeUsd,
    gasFeeUsd: f.gasFeeUsd === undefined ? null : f.gasFeeUsd,
    priceSource: 'pool:test',
    realizedPnlUsd: f.pnl === undefined ? null : f.pnl,
    closesPosition: f.closes ?? false,
    isWin: f.win ?? false,
  };
}
