import { divFixed, type Fixed } from '../money/fixed';
import { byChainAndToken, isCash, positionKey } from './ledger';
import { averageCostUsd } from './position';
import type { CostMethod, WalletLedger } from './types';

export interface PositionSummary {
  readonly chainId: number;
  readonly token: string;
  readonly decimals: number;
  readonly quantity: bigint;
  readonly costBasisUsd: Fixed;
  /** USD per whole token; null when nothing is held. */
  readonly averageCostUsd: Fixed | null;
  readonly realizedPnlUsd: Fixed;
  readonly untrackedQuantity: bigint;
  readonly cash: boolean;
}

export interface WalletMetrics {
  readonly wallet: string;
  readonly method: CostMethod;
  readonly tradeCount: number;
  readonly volumeUsd: Fixed;
  readonly poolFeesUsd: Fixed;
  readonly gasFeesUsd: Fixed;
  /** Pool fees plus gas, of the trades whose fees are known. */
  readonly feesPaidUsd: Fixed;
  readonly poolFeeUnknownTrades: number;
  readonly gasFeeUnknownTrades: number;
  readonly realizedPnlUsd: Fixed;
  readonly closingSells: number;
  readonly winningSells: number;
  /** Winning closing sells / closing sells, as a fraction (0.5 = half); null before any. */
  readonly winRate: Fixed | null;
  /** Every token traded, sorted by chain and address. */
  readonly positions: readonly PositionSummary[];
}

/** The wallet's figures that need no current price. */
export function walletMetrics(ledger: WalletLedger): WalletMetrics {
  const t = ledger.totals;
  return {
    wallet: ledger.wallet,
    method: ledger.method,
    tradeCount: t.tradeCount,
    volumeUsd: t.volumeUsd,
    poolFeesUsd: t.poolFeesUsd,
    gasFeesUsd: t.gasFeesUsd,
    feesPaidUsd: t.poolFeesUsd + t.gasFeesUsd,
    poolFeeUnknownTrades: t.poolFeeUnknownTrades,
    gasFeeUnknownTrades: t.gasFeeUnknownTrades,
    realizedPnlUsd: t.realizedPnlUsd,
    closingSells: t.closingSells,
    winningSells: t.winningSells,
    winRate: t.closingSells === 0 ? null : divFixed(BigInt(t.winningSells), BigInt(t.closingSells)),
    positions: positionSummaries(ledger),
  };
}

/** Cost basis, average cost and realized PnL per token, sorted by chain and address. */
export function positionSummaries(ledger: WalletLedger): PositionSummary[] {
  return Object.values(ledger.positions)
    .map((p) => ({
      chainId: p.chainId,
      token: p.token,
      decimals: p.decimals,
      quantity: p.quantity,
      costBasisUsd: p.costBasisUsd,
      averageCostUsd: averageCostUsd(p),
      realizedPnlUsd: p.realizedPnlUsd,
      untrackedQuantity: p.untrackedQuantity,
      cash: isCash(ledger, positionKey(p.chainId, p.token)),
    }))
    .sort(byChainAndToken);
}
