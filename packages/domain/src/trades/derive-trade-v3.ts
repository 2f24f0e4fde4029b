import type { TradeExecutedV1 } from '@tidemark/schema';
import type { SwapV3Log } from '../decode/decode-v3';
import { UnpricedSwapError, type PoolTokens, type TradeContext } from './derive-trade';

type Hex = `0x${string}`;

/**
 * Turns a V3 swap into a trade. V3 reports amounts from the pool's side: the token paid in is the
 * one with a positive amount, the other (negative, or zero when rounding left nothing) went out.
 */
export function deriveTradeV3(
  swap: SwapV3Log,
  pool: PoolTokens,
  ctx: TradeContext,
): TradeExecutedV1 {
  const { amount0, amount1 } = swap;
  let tokenIn: string, tokenOut: string, amountIn: bigint, amountOut: bigint;
  if (amount0 > 0n && amount1 <= 0n) {
    [tokenIn, tokenOut, amountIn, amountOut] = [pool.token0, pool.token1, amount0, -amount1];
  } else if (amount1 > 0n && amount0 <= 0n) {
    [tokenIn, tokenOut, amountIn, amountOut] = [pool.token1, pool.token0, amount1, -amount0];
  } else {
    throw new UnpricedSwapError(`swap ${ctx.txHash}:${ctx.logIndex} has no single input side`);
  }
  return {
    type: 'TradeExecutedV1',
    chainId: ctx.chainId,
    blockNumber: ctx.blockNumber,
    blockHash: ctx.blockHash as Hex,
    timestamp: ctx.timestamp,
    txHash: ctx.txHash as Hex,
    logIndex: ctx.logIndex,
    protocol: 'uniswap-v3',
    pool: swap.pool as Hex,
    trader: ctx.trader.toLowerCase() as Hex,
    sender: swap.sender as Hex,
    recipient: swap.recipient as Hex,
    tokenIn: tokenIn.toLowerCase() as Hex,
    tokenOut: tokenOut.toLowerCase() as Hex,
    amountIn: amountIn.toString(),
    amountOut: amountOut.toString(),
    sqrtPriceX96: swap.sqrtPriceX96.toString(),
    liquidity: swap.liquidity.toString(),
    tick: swap.tick,
  };
}
