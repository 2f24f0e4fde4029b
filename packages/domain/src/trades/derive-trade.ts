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

type Hex = `0x${string}`;

/** Which token went into the pool and which came out, by how much. */
export interface SwapLeg {
  tokenIn: string;
  tokenOut: string;
  amountIn: bigint;
  amountOut: bigint;
}

/**
 * The leg of a swap from the pool's net flows of token0 and token1 (positive = paid into the
 * pool). Exactly one side may be positive; anything else is not a trade.
 */
export function swapLeg(net0: bigint, net1: bigint, pool: PoolTokens, ctx: TradeContext): SwapLeg {
  if (net0 > 0n && net1 <= 0n)
    return { tokenIn: pool.token0, tokenOut: pool.token1, amountIn: net0, amountOut: -net1 };
  if (net1 > 0n && net0 <= 0n)
    return { tokenIn: pool.token1, tokenOut: pool.token0, amountIn: net1, amountOut: -net0 };
  throw new UnpricedSwapError(`swap ${ctx.txHash}:${ctx.logIndex} has no single input side`);
}

/** The fields every protocol's trade shares. */
export function tradeOf(
  ctx: TradeContext,
  swap: { protocol: TradeExecutedV1['protocol']; pool: string; sender: string; recipient: string },
  leg: SwapLeg,
): TradeExecutedV1 {
  return {
    type: 'TradeExecutedV1',
    chainId: ctx.chainId,
    blockNumber: ctx.blockNumber,
    blockHash: ctx.blockHash as Hex,
    timestamp: ctx.timestamp,
    txHash: ctx.txHash as Hex,
    logIndex: ctx.logIndex,
    protocol: swap.protocol,
    pool: swap.pool as Hex,
    trader: ctx.trader.toLowerCase() as Hex,
    sender: swap.sender as Hex,
    recipient: swap.recipient as Hex,
    tokenIn: leg.tokenIn.toLowerCase() as Hex,
    tokenOut: leg.tokenOut.toLowerCase() as Hex,
    amountIn: leg.amountIn.toString(),
    amountOut: leg.amountOut.toString(),
  };
}

/**
 * Turns a V2 swap into a trade: the token that went in is the one with a positive `amountXIn`
 * net of what came back out of the same side (flash-swap style swaps can have both).
 */
export function deriveTradeV2(swap: SwapV2, pool: PoolTokens, ctx: TradeContext): TradeExecutedV1 {
  const leg = swapLeg(
    swap.amount0In - swap.amount0Out,
    swap.amount1In - swap.amount1Out,
    pool,
    ctx,
  );
  return tradeOf(
    ctx,
    { protocol: 'uniswap-v2', pool: swap.pool, sender: swap.sender, recipient: swap.to },
    leg,
  );
}
