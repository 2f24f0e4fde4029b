import { usdValue, type Fixed } from '../money/fixed';
import { InvalidLedgerInputError } from './errors';
import { byChainAndToken, type LedgerTokenRef } from './ledger';
import type { WalletLedger } from './types';

/** The current USD price of a whole token; null or undefined when there is none. */
export type PriceLookup = (chainId: number, token: string) => Fixed | null | undefined;

export interface UnrealizedPosition {
  readonly chainId: number;
  readonly token: string;
  readonly quantity: bigint;
  readonly costBasisUsd: Fixed;
  /** Null: no current price; then value and PnL are unknown, not zero. */
  readonly priceUsd: Fixed | null;
  readonly valueUsd: Fixed | null;
  readonly unrealizedPnlUsd: Fixed | null;
}

export interface UnrealizedPnl {
  /** Every position still held, sorted by chain and address. */
  readonly positions: readonly UnrealizedPosition[];
  /** The sum over the priced positions. */
  readonly pricedUnrealizedPnlUsd: Fixed;
  /** The sum over all positions; null when any of them has no price. */
  readonly unrealizedPnlUsd: Fixed | null;
  readonly unpriced: readonly LedgerTokenRef[];
}

/** Unrealized PnL of what the wallet holds, at the prices `priceOf` knows. */
export function unrealizedPnl(ledger: WalletLedger, priceOf: PriceLookup): UnrealizedPnl {
  const positions = Object.values(ledger.positions)
    .filter((p) => p.quantity > 0n)
    .sort(byChainAndToken)
    .map((p): UnrealizedPosition => {
      const priceUsd = checkedPrice(priceOf(p.chainId, p.token), p.chainId, p.token);
      const valueUsd = priceUsd === null ? null : usdValue(p.quantity, p.decimals, priceUsd);
      return {
        chainId: p.chainId,
        token: p.token,
        quantity: p.quantity,
        costBasisUsd: p.costBasisUsd,
        priceUsd,
        valueUsd,
        unrealizedPnlUsd: valueUsd === null ? null : valueUsd - p.costBasisUsd,
      };
    });
  const priced = positions.flatMap((p) =>
    p.unrealizedPnlUsd === null ? [] : [p.unrealizedPnlUsd],
  );
  const unpriced = positions
    .filter((p) => p.priceUsd === null)
    .map((p) => ({ chainId: p.chainId, token: p.token }));
  const pricedUnrealizedPnlUsd = priced.reduce((sum, pnl) => sum + pnl, 0n);
  return {
    positions,
    pricedUnrealizedPnlUsd,
    unrealizedPnlUsd: unpriced.length === 0 ? pricedUnrealizedPnlUsd : null,
    unpriced,
  };
}

function checkedPrice(price: unknown, chainId: number, token: string): Fixed | null {
  if (price === null || price === undefined) return null;
  if (typeof price !== 'bigint' || price < 0n)
    throw new InvalidLedgerInputError(
      `price of ${chainId}:${token}: expected a non-negative Fixed (bigint) or null, got ` +
        (typeof price === 'bigint' || typeof price === 'number' ? String(price) : typeof price),
    );
  return price;
}
