import type { TradeExecutedV1 } from '@tidemark/schema';

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
}

export function tradeId(
  trade: Pick<TradeExecutedV1, 'chainId' | 'blockHash' | 'txHash' | 'logIndex'>,
): string {
  return `${trade.chainId}:${trade.blockHash}:${trade.txHash}:${trade.logIndex}`;
}

export function toTradeView(trade: TradeExecutedV1): TradeView {
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
  });
}
