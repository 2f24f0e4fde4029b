import type { Address } from 'viem';
import { usdE18ToAmount } from '../market/market-plan';
import { priceOf, reservesOf, type MarketView, type SimPair, type Trader } from './market-view';
import type { Random } from './random';

interface PlannedAddLiquidity {
  kind: 'addLiquidity';
  trader: Trader;
  pair: SimPair;
  amount0: bigint;
  amount1: bigint;
}

interface PlannedRemoveLiquidity {
  kind: 'removeLiquidity';
  trader: Trader;
  pair: SimPair;
  /** Share of the provider's liquidity tokens to burn, in percent. */
  percent: number;
}

export type PlannedLiquidityChange = PlannedAddLiquidity | PlannedRemoveLiquidity;

const usd = 10n ** 18n;

/**
 * A whale adds $20k to $300k to a pool at its current ratio, or, if it already provides to that
 * pool, takes out part of its position.
 */
export function planLiquidityChange(
  view: MarketView,
  whale: Trader,
  providing: ReadonlySet<Address>,
  random: Random,
): PlannedLiquidityChange {
  const pair = random.pick(view.pairs);
  if (providing.has(pair.address) && random.chance(0.4)) {
    return { kind: 'removeLiquidity', trader: whale, pair, percent: random.int(30, 100) };
  }
  const { reserve0, reserve1 } = reservesOf(view, pair);
  const amount0 = usdE18ToAmount(
    BigInt(random.logInt(20_000, 300_000)) * usd,
    priceOf(view, pair.token0),
    pair.token0.decimals,
  );
  // A little more of token1 than the ratio needs; the router only takes what matches.
  const amount1 = (amount0 * reserve1 * 101n) / (reserve0 * 100n);
  return { kind: 'addLiquidity', trader: whale, pair, amount0, amount1 };
}
