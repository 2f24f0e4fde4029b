/**
 * Builders for the pricing tests (not exported by the package): real mainnet token addresses
 * with their decimals, and canonical events with a running log index.
 */
import type { PoolSyncedV1, TradeExecutedV1 } from '@tidemark/schema';
import { parseFixed } from '../money/fixed';
import { createPriceBook, type PriceBook } from './price-book';
import type { PoolDefinition } from './pool-state';

type Hex = `0x${string}`;

export const USDC: Hex = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
export const USDT: Hex = '0xdac17f958d2ee523a2206206994597c13d831ec7';
export const DAI: Hex = '0x6b175474e89094c44da98b954eedeac495271d0f';
export const WETH: Hex = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
export const WBTC: Hex = '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599';
/** Made-up tokens with 18 decimals. */
export const TKN: Hex = '0x1111111111111111111111111111111111111111';
export const ABC: Hex = '0x2222222222222222222222222222222222222222';
/** A token whose decimals nobody knows. */
export const ODD: Hex = '0x3333333333333333333333333333333333333333';

export const DECIMALS: Record<string, number> = {
  [USDC]: 6,
  [USDT]: 6,
  [DAI]: 18,
  [WETH]: 18,
  [WBTC]: 8,
  [TKN]: 18,
  [ABC]: 18,
};

export const poolAddress = (n: number): Hex => `0x${n.toString(16).padStart(40, 'a')}`;
const hash = (n: number): Hex => `0x${n.toString(16).padStart(64, '0')}`;

/** A book for chain 1 anchored on USDC, USDT and DAI, with a $10,000 liquidity threshold. */
export function testBook(minLiquidityUsd = '10000'): PriceBook {
  return createPriceBook({
    chainId: 1,
    stablecoins: [USDC, USDT, DAI],
    wrappedNative: WETH,
    minLiquidityUsd: parseFixed(minLiquidityUsd),
    decimals: (token) => DECIMALS[token],
  });
}

let logIndex = 0;
const ref = (blockNumber: number) => ({
  chainId: 1,
  blockNumber,
  blockHash: hash(blockNumber),
  timestamp: 1_700_000_000 + blockNumber * 12,
  txHash: hash(1_000_000 + logIndex),
  logIndex: logIndex++,
});

/** Tokens in address order, as Uniswap stores them. */
const ordered = <T>(a: [Hex, T], b: [Hex, T]): [[Hex, T], [Hex, T]] =>
  a[0] < b[0] ? [a, b] : [b, a];

export function poolOf(
  n: number,
  tokens: [Hex, Hex],
  protocol: PoolDefinition['protocol'] = 'uniswap-v2',
  fee?: number,
): PoolDefinition {
  const [[token0], [token1]] = ordered([tokens[0], 0], [tokens[1], 0]);
  return { ...ref(1), pool: poolAddress(n), protocol, token0, token1, fee };
}

/** A V2 Sync, reserves given per token (raw), in any order. */
export function syncOf(
  n: number,
  a: [Hex, bigint],
  b: [Hex, bigint],
  blockNumber = 10,
): PoolSyncedV1 {
  const [[, reserve0], [, reserve1]] = ordered(a, b);
  const pool = poolAddress(n);
  return {
    type: 'PoolSyncedV1',
    ...ref(blockNumber),
    pool,
    reserve0: `${reserve0}`,
    reserve1: `${reserve1}`,
  };
}

/** Creates a V2 pool with the given reserves in `book`. */
export function addV2(book: PriceBook, n: number, a: [Hex, bigint], b: [Hex, bigint], block = 10) {
  book.applyPool(poolOf(n, [a[0], b[0]]));
  book.applyState(syncOf(n, a, b, block));
}

export interface TradeSpec {
  pool: number;
  protocol?: TradeExecutedV1['protocol'];
  tokenIn: Hex;
  tokenOut: Hex;
  amountIn: bigint;
  amountOut: bigint;
  sqrtPriceX96?: bigint;
  liquidity?: bigint;
  blockNumber?: number;
}

export function tradeOf(spec: TradeSpec): TradeExecutedV1 {
  return {
    type: 'TradeExecutedV1',
    ...ref(spec.blockNumber ?? 11),
    protocol: spec.protocol ?? 'uniswap-v2',
    pool: poolAddress(spec.pool),
    trader: poolAddress(0xbeef),
    sender: poolAddress(0xbeef),
    recipient: poolAddress(0xbeef),
    tokenIn: spec.tokenIn,
    tokenOut: spec.tokenOut,
    amountIn: `${spec.amountIn}`,
    amountOut: `${spec.amountOut}`,
    ...(spec.sqrtPriceX96 === undefined ? {} : { sqrtPriceX96: `${spec.sqrtPriceX96}` }),
    ...(spec.liquidity === undefined ? {} : { liquidity: `${spec.liquidity}` }),
  };
}

/** 10^n as a bigint, for raw amounts: 2_000_000n * e(6) is 2,000,000 USDC. */
export const e = (n: number) => 10n ** BigInt(n);
