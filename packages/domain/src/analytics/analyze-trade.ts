import type { TradeExecutedV1 } from '@tidemark/schema';
import type { Fixed } from '../money/fixed';
import { applyTrade, markSeen } from '../pnl/apply-trade';
import type { LedgerTrade, WalletLedger } from '../pnl/types';
import type { PriceBook } from '../pricing/price-book';
import type { GasInput, TradePricing } from '../pricing/types';
import { orientTrade, type TradeOrientation } from './trade-orientation';

/** A trade with everything analytics derived from it: USD figures, orientation, the trader's PnL. */
export interface AnalyzedTrade extends TradeOrientation {
  trade: TradeExecutedV1;
  pricing: TradePricing;
  /**
   * The transaction's gas fee in USD, on the first trade of its transaction the wallet made
   * (else null). The ledger's gas total counts it only when that trade could be booked.
   */
  gasFeeUsd: Fixed | null;
  /** The trader's realized PnL from this trade; null when the trade could not enter the ledger. */
  realizedPnlUsd: Fixed | null;
  closesPosition: boolean;
  isWin: boolean;
}

export const tradeId = (t: TradeExecutedV1) =>
  `${t.chainId}:${t.blockHash}:${t.txHash}:${t.logIndex}`;

const txOf = (id: string | undefined) => id?.split(':')[2];

function gasOf(trade: TradeExecutedV1): GasInput | undefined {
  if (trade.gasUsed === undefined || trade.effectiveGasPrice === undefined) return undefined;
  return { gasUsed: BigInt(trade.gasUsed), effectiveGasPrice: BigInt(trade.effectiveGasPrice) };
}

/**
 * Prices a trade against the book (then applies its pool state) and books it in the trader's
 * ledger. Gas belongs to the transaction, so it is charged once: to the first trade of the
 * transaction this ledger sees. A trade without a USD value or decimals stays out of the ledger.
 */
export function analyzeTrade(
  book: PriceBook,
  ledger: WalletLedger,
  trade: TradeExecutedV1,
  decimals: (token: string) => number | null | undefined,
): { analyzed: AnalyzedTrade; ledger: WalletLedger } {
  const pricing = book.applyTrade(trade, gasOf(trade));
  const orientation = orientTrade(trade, pricing.baseToken, decimals);
  const lastTx = txOf(ledger.cursors[String(trade.chainId)]?.tradeId);
  const gasFeeUsd = lastTx === trade.txHash ? null : pricing.gasFeeUsd;
  const none = { realizedPnlUsd: null, closesPosition: false, isWin: false };
  const base = { ...orientation, trade, pricing, gasFeeUsd };
  const [decimalsIn, decimalsOut] = [decimals(trade.tokenIn), decimals(trade.tokenOut)];
  if (pricing.volumeUsd === null || decimalsIn == null || decimalsOut == null) {
    // Gas shown on this trade must not be shown again on the next trade of the transaction.
    const seen = gasFeeUsd === null ? ledger : markSeen(ledger, { ...trade, id: tradeId(trade) });
    return { analyzed: { ...base, ...none }, ledger: seen };
  }
  const entry: LedgerTrade = {
    id: tradeId(trade),
    chainId: trade.chainId,
    blockNumber: trade.blockNumber,
    logIndex: trade.logIndex,
    timestamp: trade.timestamp,
    wallet: trade.trader,
    tokenIn: trade.tokenIn,
    amountIn: BigInt(trade.amountIn),
    decimalsIn,
    tokenOut: trade.tokenOut,
    amountOut: BigInt(trade.amountOut),
    decimalsOut,
    volumeUsd: pricing.volumeUsd,
    feeUsd: pricing.feeUsd,
    gasFeeUsd: gasFeeUsd ?? (lastTx === trade.txHash ? 0n : null),
  };
  const next = applyTrade(ledger, entry);
  if (next === ledger) return { analyzed: { ...base, ...none }, ledger };
  const [before, after] = [ledger.totals, next.totals];
  return {
    ledger: next,
    analyzed: {
      ...base,
      realizedPnlUsd: after.realizedPnlUsd - before.realizedPnlUsd,
      closesPosition: after.closingSells > before.closingSells,
      isWin: after.winningSells > before.winningSells,
    },
  };
}
