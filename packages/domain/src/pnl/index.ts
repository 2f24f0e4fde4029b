export type {
  LedgerCursor,
  CostMethod,
  LedgerTotals,
  LedgerTrade,
  CostLot,
  PnlPoint,
  LedgerPosition,
  WalletLedger,
} from './types';
export {
  InvalidLedgerInputError,
  InvalidLedgerStateError,
  InvalidTradeError,
  LedgerOrderError,
} from './errors';
export {
  createLedger,
  positionKey,
  seedPosition,
  type LedgerOptions,
  type OpeningBalance,
  type LedgerTokenRef,
} from './ledger';
export { averageCostUsd } from './position';
export {
  alreadyApplied,
  applyTrade,
  markSeen,
  pnlPoint,
  replay,
  replayWithHistory,
} from './apply-trade';
export {
  positionSummaries,
  walletMetrics,
  type PositionSummary,
  type WalletMetrics,
} from './metrics';
export {
  unrealizedPnl,
  type PriceLookup,
  type UnrealizedPnl,
  type UnrealizedPosition,
} from './unrealized';
export { LEDGER_JSON_VERSION, ledgerFromJSON, ledgerToJSON, type LedgerJSON } from './serialize';
