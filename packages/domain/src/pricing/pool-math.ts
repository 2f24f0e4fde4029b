import { divRound, usdValue, type Fixed } from '../money/fixed';
import type { PoolState } from './types';

/** 2^96: V3 stores sqrt(price) as a Q64.96 fixed-point number. */
export const Q96 = 2n ** 96n;

/** An exact fraction: raw units of token1 per raw unit of token0. */
export interface RawRatio {
  num: bigint;
  den: bigint;
}

/**
 * The pool's spot price as raw token1 per raw token0, kept as an exact fraction so the one
 * rounding happens at the end: V2 reserve1 / reserve0, V3 (sqrtPriceX96 / 2^96)^2.
 */
export function rawRatio(state: PoolState): RawRatio | null {
  if (state.kind === 'v2') {
    return state.reserve0 > 0n && state.reserve1 > 0n
      ? { num: state.reserve1, den: state.reserve0 }
      : null;
  }
  return state.sqrtPriceX96 > 0n ? { num: state.sqrtPriceX96 ** 2n, den: Q96 * Q96 } : null;
}

/**
 * Raw reserves for depth: V2's real reserves, V3's virtual reserves of the active range,
 * x = L / sqrtP and y = L * sqrtP. The virtual reserves are what a trade at the current price
 * meets, which is what makes a pool hard to move (its total deposits are not in the events).
 */
export function depthReserves(state: PoolState): { reserve0: bigint; reserve1: bigint } {
  if (state.kind === 'v2') return { reserve0: state.reserve0, reserve1: state.reserve1 };
  if (state.sqrtPriceX96 === 0n) return { reserve0: 0n, reserve1: 0n };
  return {
    reserve0: divRound(state.liquidity * Q96, state.sqrtPriceX96),
    reserve1: divRound(state.liquidity * state.sqrtPriceX96, Q96),
  };
}

const pow10 = (n: number) => 10n ** BigInt(n);

/**
 * The USD price of one side of a pool from the other side's USD price, with one rounding.
 * Whole-token price of token0 in token1 is ratio x 10^d0 / 10^d1. Null when it would round to
 * zero (a price of 0 says nothing).
 */
export function sidePriceUsd(
  ratio: RawRatio,
  side: 0 | 1,
  otherPriceUsd: Fixed,
  decimals: readonly [number, number],
): Fixed | null {
  const [d0, d1] = decimals;
  const price =
    side === 0
      ? divRound(otherPriceUsd * ratio.num * pow10(d0), ratio.den * pow10(d1))
      : divRound(otherPriceUsd * ratio.den * pow10(d1), ratio.num * pow10(d0));
  return price > 0n ? price : null;
}

/**
 * A pool's USD liquidity seen from one priced side: twice that side's value, since both sides of
 * a pool hold equal value at its own price. Used before the other side has a price.
 */
export function liquidityUsdFrom(
  state: PoolState,
  side: 0 | 1,
  priceUsd: Fixed,
  decimals: number,
): Fixed {
  const reserves = depthReserves(state);
  return 2n * usdValue(side === 0 ? reserves.reserve0 : reserves.reserve1, decimals, priceUsd);
}
