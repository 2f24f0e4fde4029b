import { blockStatusOf, type BlockStatus, type TradeExecutedV1 } from '@tidemark/schema';

/** A trade in the shape of the API's `Trade` type. */
export interface TradeView {
  id: string;
  chainId: number;
  blockNumber: number;
  blockHash: string;
  txHash: string;
  logIndex: number;
  timestamp: number;
  protocol: string;
  pool: string;
  trader: string;
  tokenIn: string;
  tokenOut: string;
  amountIn: string;
  amountOut: string;
  /** Uniswap V3 pool state after the swap; null for V2. */
  sqrtPriceX96: string | null;
  liquidity: string | null;
  tick: number | null;
  /** From the transaction's receipt; null for trades stored before gas was recorded. */
  gasUsed: string | null;
  effectiveGasPrice: string | null;
  /** The schema's `BlockStatus` enum maps these to LATEST and FINALIZED. */
  status: BlockStatus;
}

function tradeId(
  trade: Pick<TradeExecutedV1, 'chainId' | 'blockHash' | 'txHash' | 'logIndex'>,
): string {
  return `${trade.chainId}:${trade.blockHash}:${trade.txHash}:${trade.logIndex}`;
}

/**
 * A stored trade's status, derived when it is read (the store keeps none: it changes as the chain
 * grows): final once at or below its chain's finalized block; chains not listed have none yet.
 */
export function statusAt(
  trade: Pick<TradeExecutedV1, 'chainId' | 'blockNumber'>,
  finalizedBlocks: ReadonlyMap<number, number>,
): BlockStatus {
  const finalized = finalizedBlocks.get(trade.chainId);
  return finalized !== undefined && trade.blockNumber <= finalized ? 'finalized' : 'latest';
}

/** `status` defaults to what the event says (live pushes); queries pass the one derived at read time. */
export function toTradeView(
  trade: TradeExecutedV1,
  status: BlockStatus = blockStatusOf(trade),
): TradeView {
  return Object.freeze({
    id: tradeId(trade),
    chainId: trade.chainId,
    blockNumber: trade.blockNumber,
    blockHash: trade.blockHash,
    txHash: trade.txHash,
    logIndex: trade.logIndex,
    timestamp: trade.timestamp,
    protocol: trade.protocol,
    pool: trade.pool,
    trader: trade.trader,
    tokenIn: trade.tokenIn,
    tokenOut: trade.tokenOut,
    amountIn: trade.amountIn,
    amountOut: trade.amountOut,
    sqrtPriceX96: trade.sqrtPriceX96 ?? null,
    liquidity: trade.liquidity ?? null,
    tick: trade.tick ?? null,
    gasUsed: trade.gasUsed ?? null,
    effectiveGasPrice: trade.effectiveGasPrice ?? null,
    status,
  });
}
