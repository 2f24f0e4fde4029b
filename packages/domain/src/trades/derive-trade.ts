import type { TradeExecutedV1 } from '@tidemark/schema';
import type { DecodedLog } from '../decode/decode-log';

type SwapV2 = Extract<DecodedLog, { kind: 'swapV2' }>;

export interface PoolTokens {
  token0: string;
  token1: string;
}

export interface TradeContext {
  chainId: number;
  blockNumber: number;
  blockHash: string;
  timestamp: number;
  txHash: string;
  logIndex: number;
  /** The transaction's sender. */
  trader: string;
}

export class UnpricedSwapError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'UnpricedSwapError';
  }
}

/**
 * Turns a V2 swap into a trade: the token that went in is the one with a positive `amountXIn`
 * net of what came back out of the same side (flash-swap style swaps can have both).
 */
export function deriveTradeV2(swap: SwapV2, pool: PoolTokens, ctx: TradeContext): TradeExecutedV1 {
  const net0 = swap.amount0In - swap.amount0Out;
  const net1 = swap.amount1In - swap.amount1Out;
  let tokenIn: string, tokenOut: string, amountIn: bigint, amountOut: bigint;
  if (net0 > 0n && net1 <= 0n) {
    [tokenIn, tokenOut, amountIn, amountOut] = [pool.token0, pool.token1, net0, -net1];
  } else if (net1 > 0n && net0 <= 0n) {
    [tokenIn, tokenOut, amountIn, amountOut] = [pool.token1, pool.token0, net1, -net0];
  } else {
    throw new UnpricedSwapError(`swap ${ctx.txHash}:${ctx.logIndex} has no single input side`);
  }
  return {
    type: 'TradeExecutedV1',
    chainId: ctx.chainId,
    blockNumber: ctx.blockNumber,
    blockHash: ctx.blockHash as `0x${string}`,
    timestamp: ctx.timestamp,
    txHash: ctx.txHash as `0x${string}`,
    logIndex: ctx.logIndex,
    protocol: 'uniswap-v2',
    pool: swap.pool as `0x${string}`,
    trader: ctx.trader.toLowerCase() as `0x${string}`,
    sender: swap.sender as `0x${string}`,
    recipient: swap.to as `0x${string}`,
    tokenIn: tokenIn as `0x${string}`,
    tokenOut: tokenOut as `0x${string}`,
    amountIn: amountIn.toString(),
    amountOut: amountOut.toString(),
  };
}
