import type { Fixed } from '../money/fixed';

/**
 * One priced trade of one wallet, as the analytics role feeds it to the ledger: the wallet SELLS
 * `amountIn` of `tokenIn` and BUYS `amountOut` of `tokenOut`, both legs valued at `volumeUsd` (the
 * price engine already valued a token-to-token swap through its reference leg).
 */
export interface LedgerTrade {
  /** Unique per trade (e.g. chain, block hash and log index); used to tell redeliveries apart. */
  readonly id: string;
  readonly chainId: number;
  readonly blockNumber: number;
  readonly logIndex: number;
  /** Unix seconds of the trade's block. */
  readonly timestamp: number;
  readonly wallet: string;
  readonly tokenIn: string;
  /** Raw units (smallest denomination) of `tokenIn` the wallet gave. */
  readonly amountIn: bigint;
  readonly decimalsIn: number;
  readonly tokenOut: string;
  /** Raw units of `tokenOut` the wallet received. */
  readonly amountOut: bigint;
  readonly decimalsOut: number;
  /** The USD value of the trade (of either leg). */
  readonly volumeUsd: Fixed;
  /** The pool's fee in USD; already inside the exchanged amounts. Null: unknown. */
  readonly feeUsd: Fixed | null;
  /** `gasUsed x effectiveGasPrice` in USD. Null: unknown. */
  readonly gasFeeUsd: Fixed | null;
}

/** `average`: one pooled cost per token (the default). `fifo`: the oldest lots are sold first. */
export type CostMethod = 'average' | 'fifo';

/** A FIFO lot: a quantity bought together and what it cost in total. */
export interface CostLot {
  readonly quantity: bigint;
  readonly costUsd: Fixed;
}

/** What the wallet holds of one token on one chain, as far as its trades tell. */
export interface LedgerPosition {
  readonly chainId: number;
  /** Lower-case address. */
  readonly token: string;
  readonly decimals: number;
  /** Raw units held that have a cost basis. */
  readonly quantity: bigint;
  /** The total USD cost of `quantity`. */
  readonly costBasisUsd: Fixed;
  /** FIFO only, oldest first; they add up to `quantity` and `costBasisUsd`. Empty for `average`. */
  readonly lots: readonly CostLot[];
  readonly realizedPnlUsd: Fixed;
  /** Raw units sold beyond the tracked quantity (tokens that arrived other than by a trade). */
  readonly untrackedQuantity: bigint;
}

/** The last trade applied on one chain: older or equal trades are redeliveries. */
export interface LedgerCursor {
  readonly blockNumber: number;
  readonly logIndex: number;
  readonly tradeId: string;
}

export interface LedgerTotals {
  readonly tradeCount: number;
  readonly volumeUsd: Fixed;
  readonly poolFeesUsd: Fixed;
  readonly gasFeesUsd: Fixed;
  /** Trades whose pool fee, or gas fee, was unknown (null): the fee totals leave them out. */
  readonly poolFeeUnknownTrades: number;
  readonly gasFeeUnknownTrades: number;
  readonly realizedPnlUsd: Fixed;
  /** Sells that closed (part of) a tracked position of a non-cash token, and those that gained. */
  readonly closingSells: number;
  readonly winningSells: number;
}

/**
 * The whole PnL state of one wallet. Immutable: `applyTrade` returns a new one, so the caller can
 * persist one per trade (`ledgerToJSON`) and roll back a reorg by restoring an earlier one.
 */
export interface WalletLedger {
  /** Lower-case address. */
  readonly wallet: string;
  readonly method: CostMethod;
  /** Position keys (`positionKey`) of tokens treated as cash (stablecoins), sorted. */
  readonly cashTokens: readonly string[];
  /** By `positionKey`. */
  readonly positions: Readonly<Record<string, LedgerPosition>>;
  /** By chain id (as a string). */
  readonly cursors: Readonly<Record<string, LedgerCursor>>;
  readonly totals: LedgerTotals;
}

/** One point of a wallet's PnL history: the cumulative realized PnL after a trade. */
export interface PnlPoint {
  readonly tradeId: string;
  readonly chainId: number;
  readonly blockNumber: number;
  readonly timestamp: number;
  readonly realizedPnlUsd: Fixed;
}
