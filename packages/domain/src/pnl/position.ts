import { divRound, type Fixed } from '../money/fixed';
import type { CostMethod, CostLot, LedgerPosition } from './types';

/** A token the wallet has not traded yet. */
export function emptyPosition(chainId: number, token: string, decimals: number): LedgerPosition {
  return {
    chainId,
    token,
    decimals,
    quantity: 0n,
    costBasisUsd: 0n,
    lots: [],
    realizedPnlUsd: 0n,
    untrackedQuantity: 0n,
  };
}

/**
 * The position after buying `quantity` raw units for `costUsd` in total. Receiving nothing (a swap
 * whose output rounded to zero) buys no position: what was paid is a realized loss.
 */
export function acquire(
  position: LedgerPosition,
  quantity: bigint,
  costUsd: Fixed,
  method: CostMethod,
): LedgerPosition {
  if (quantity === 0n) return { ...position, realizedPnlUsd: position.realizedPnlUsd - costUsd };
  return {
    ...position,
    quantity: position.quantity + quantity,
    costBasisUsd: position.costBasisUsd + costUsd,
    lots: method === 'fifo' ? [...position.lots, { quantity, costUsd }] : position.lots,
  };
}

export interface Disposal {
  readonly position: LedgerPosition;
  /** Realized PnL of the whole sale (tracked and untracked parts). */
  readonly realizedUsd: Fixed;
  /** Raw units sold that had a cost basis. */
  readonly trackedQuantity: bigint;
  /** Realized PnL of the tracked part alone: what makes the sale a win or a loss. */
  readonly trackedRealizedUsd: Fixed;
}

/**
 * The position after selling `quantity` raw units for `grossUsd`, of which `chargeUsd` (gas) is
 * deducted from the proceeds. Units beyond the tracked quantity arrived other than by a trade: their
 * cost basis is their gross sale value, so they realize nothing but their share of the charge.
 */
export function dispose(
  position: LedgerPosition,
  quantity: bigint,
  grossUsd: Fixed,
  chargeUsd: Fixed,
  method: CostMethod,
): Disposal {
  const tracked = quantity < position.quantity ? quantity : position.quantity;
  const untracked = quantity - tracked;
  const netUsd = grossUsd - chargeUsd;
  const trackedProceeds = divRound(netUsd * tracked, quantity);
  // Cost of the untracked part as the complement of the tracked share of the gross value, so that
  // without a charge it cancels its proceeds to the last unit.
  const untrackedCost = grossUsd - divRound(grossUsd * tracked, quantity);
  const untrackedRealized = netUsd - trackedProceeds - untrackedCost;
  const taken =
    method === 'fifo' ? takeLots(position.lots, tracked) : takeAverage(position, tracked);
  const trackedRealizedUsd = trackedProceeds - taken.costUsd;
  const realizedUsd = trackedRealizedUsd + untrackedRealized;
  return {
    position: {
      ...position,
      quantity: position.quantity - tracked,
      costBasisUsd: position.costBasisUsd - taken.costUsd,
      lots: taken.lots,
      realizedPnlUsd: position.realizedPnlUsd + realizedUsd,
      untrackedQuantity: position.untrackedQuantity + untracked,
    },
    realizedUsd,
    trackedQuantity: tracked,
    trackedRealizedUsd,
  };
}

interface Taken {
  readonly costUsd: Fixed;
  readonly lots: readonly CostLot[];
}

/** The pooled cost of `quantity` units; selling everything takes the whole basis, leaving no dust. */
function takeAverage(position: LedgerPosition, quantity: bigint): Taken {
  if (quantity === 0n) return { costUsd: 0n, lots: position.lots };
  return {
    costUsd: divRound(position.costBasisUsd * quantity, position.quantity),
    lots: position.lots,
  };
}

/** The cost of the oldest `quantity` units; a lot sold in part keeps the rest of its cost. */
function takeLots(lots: readonly CostLot[], quantity: bigint): Taken {
  const kept: CostLot[] = [];
  let remaining = quantity;
  let costUsd: Fixed = 0n;
  for (const lot of lots) {
    if (remaining === 0n) {
      kept.push(lot);
    } else if (lot.quantity <= remaining) {
      costUsd += lot.costUsd;
      remaining -= lot.quantity;
    } else {
      const part = divRound(lot.costUsd * remaining, lot.quantity);
      kept.push({ quantity: lot.quantity - remaining, costUsd: lot.costUsd - part });
      costUsd += part;
      remaining = 0n;
    }
  }
  return { costUsd, lots: kept };
}

/** USD per whole token of what is held; null when nothing is held. */
export function averageCostUsd(position: LedgerPosition): Fixed | null {
  if (position.quantity === 0n) return null;
  return divRound(position.costBasisUsd * 10n ** BigInt(position.decimals), position.quantity);
}
