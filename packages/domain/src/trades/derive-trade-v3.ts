import type { TradeExecutedV1 } from '@tidemark/schema';
import type { SwapV3Log } from '../decode/decode-v3';
import { swapLeg, tradeOf, type PoolTokens, type TradeContext } from './derive-trade';

/**
 * Turns a V3 swap into a trade. V3 reports amounts from the pool's side: the token paid in is the
 * one with a positive amount, the other (negative, or zero when rounding left nothing) went out.
 */
export function deriveTradeV3(
  swap: SwapV3Log,
  pool: PoolTokens,
  ctx: TradeContext,
): TradeExecutedV1 {
  const leg = swapLeg(swap.amount0, swap.amount1, pool, ctx);
  return {
    ...tradeOf(
      ctx,
      { protocol: 'uniswap-v3', pool: swap.pool, sender: swap.sender, recipient: swap.recipient },
      leg,
    ),
    sqrtPriceX96: swap.sqrtPriceX96.toString(),
    liquidity: swap.liquidity.toString(),
    tick: swap.tick,
  };
}
