import type { TradeExecutedV1 } from '@tidemark/schema';
import { divFixed, tokensFromRaw, type Fixed } from '../money/fixed';

/** A trade seen from its pool's base token: did the trader buy or sell it, and at what price. */
export interface TradeOrientation {
  side: 'buy' | 'sell';
  baseAmount: bigint;
  quoteAmount: bigint;
  /** One whole base token in quote tokens at this trade; null when a decimals figure is unknown. */
  priceQuote: Fixed | null;
}

export function orientTrade(
  trade: TradeExecutedV1,
  baseToken: string,
  decimals: (token: string) => number | null | undefined,
): TradeOrientation {
  const buysBase = trade.tokenOut === baseToken;
  const baseAmount = BigInt(buysBase ? trade.amountOut : trade.amountIn);
  const quoteAmount = BigInt(buysBase ? trade.amountIn : trade.amountOut);
  const quoteToken = buysBase ? trade.tokenIn : trade.tokenOut;
  const [baseDecimals, quoteDecimals] = [decimals(baseToken), decimals(quoteToken)];
  const priceQuote =
    baseDecimals == null || quoteDecimals == null || baseAmount === 0n
      ? null
      : divFixed(
          tokensFromRaw(quoteAmount, quoteDecimals),
          tokensFromRaw(baseAmount, baseDecimals),
        );
  return { side: buysBase ? 'buy' : 'sell', baseAmount, quoteAmount, priceQuote };
}
