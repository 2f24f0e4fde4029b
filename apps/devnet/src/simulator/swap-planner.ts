import type { Address } from 'viem';
import { usdE18ToAmount } from '../market/market-plan';
import { amountOut, sqrtBigInt } from './bigint-math';
import {
  findPair,
  priceOf,
  reservesOf,
  type MarketView,
  type SimPair,
  type SimToken,
  type Trader,
} from './market-view';
import type { Random } from './random';

type SwapMethod = 'swapExactTokensForTokens' | 'swapExactETHForTokens' | 'swapExactTokensForETH';

export interface PlannedSwap {
  kind: 'swap';
  trader: Trader;
  method: SwapMethod;
  path: Address[];
  amountIn: bigint;
  minAmountOut: bigint;
}

const usd = 10n ** 18n;
// Leaves room for the other trades of the same block moving the price first.
const slippageToleranceBps = 500n;

/**
 * Plans one swap. Whales mostly arbitrage a pool towards the target prices (so pool prices follow
 * the drifting market); retail traders trade small random amounts, half of them with the trend,
 * sometimes across two pools or with the native coin.
 */
export function planSwap(
  view: MarketView,
  trader: Trader,
  random: Random,
): PlannedSwap | undefined {
  if (trader.kind === 'whale')
    return planArbitrage(view, trader, random) ?? planRandom(view, trader, random, 5_000, 80_000);
  if (random.chance(0.1)) {
    const multiHop = planMultiHop(view, trader, random);
    if (multiHop) return multiHop;
  }
  return planRandom(view, trader, random, 20, 3_000);
}

function planArbitrage(view: MarketView, trader: Trader, random: Random): PlannedSwap | undefined {
  const pair = random.pick(view.pairs);
  const gap = amountToTarget(view, pair);
  if (!gap) return undefined;
  const valueUsdE18 =
    (gap.amountIn * priceOf(view, gap.tokenIn)) / 10n ** BigInt(gap.tokenIn.decimals);
  if (valueUsdE18 < 200n * usd) return undefined;
  // Close 50 to 100% of the gap: arbitrageurs rarely leave a pool exactly on target.
  const amountIn = (gap.amountIn * BigInt(random.int(50, 100))) / 100n;
  return buildSwap(view, trader, random, [gap.tokenIn, gap.tokenOut], amountIn);
}

function planRandom(
  view: MarketView,
  trader: Trader,
  random: Random,
  minUsd: number,
  maxUsd: number,
): PlannedSwap | undefined {
  const pair = random.pick(view.pairs);
  const withTrend = random.chance(0.5) ? amountToTarget(view, pair) : undefined;
  const sellToken0 = withTrend ? withTrend.tokenIn === pair.token0 : random.chance(0.5);
  const [tokenIn, tokenOut] = sellToken0 ? [pair.token0, pair.token1] : [pair.token1, pair.token0];
  const amountIn = usdE18ToAmount(
    BigInt(random.logInt(minUsd, maxUsd)) * usd,
    priceOf(view, tokenIn),
    tokenIn.decimals,
  );
  return buildSwap(view, trader, random, [tokenIn, tokenOut], amountIn);
}

/** Two tokens without a pool of their own, traded through WETH. */
function planMultiHop(view: MarketView, trader: Trader, random: Random): PlannedSwap | undefined {
  const viaWeth = view.pairs.filter(
    (pair) => pair.token0.address === view.weth || pair.token1.address === view.weth,
  );
  const first = random.pick(viaWeth);
  const second = random.pick(viaWeth);
  const tokenIn = otherToken(first, view.weth);
  const tokenOut = otherToken(second, view.weth);
  if (tokenIn.address === tokenOut.address || findPair(view, tokenIn.address, tokenOut.address))
    return undefined;
  const weth = first.token0.address === view.weth ? first.token0 : first.token1;
  const amountIn = usdE18ToAmount(
    BigInt(random.logInt(20, 3_000)) * usd,
    priceOf(view, tokenIn),
    tokenIn.decimals,
  );
  return buildSwap(view, trader, random, [tokenIn, weth, tokenOut], amountIn);
}

function buildSwap(
  view: MarketView,
  trader: Trader,
  random: Random,
  path: SimToken[],
  amountIn: bigint,
): PlannedSwap | undefined {
  let expected = amountIn;
  for (let hop = 0; hop + 1 < path.length; hop++) {
    const pair = findPair(view, path[hop]!.address, path[hop + 1]!.address);
    if (!pair) return undefined;
    const { reserve0, reserve1 } = reservesOf(view, pair);
    const inIsToken0 = pair.token0.address === path[hop]!.address;
    expected = inIsToken0
      ? amountOut(expected, reserve0, reserve1)
      : amountOut(expected, reserve1, reserve0);
  }
  if (amountIn <= 0n || expected <= 0n) return undefined;
  const addresses = path.map((token) => token.address);
  return {
    kind: 'swap',
    trader,
    method: chooseMethod(addresses, view.weth, trader, random),
    path: addresses,
    amountIn,
    minAmountOut: (expected * (10_000n - slippageToleranceBps)) / 10_000n,
  };
}

function chooseMethod(path: Address[], weth: Address, trader: Trader, random: Random): SwapMethod {
  if (trader.kind === 'retail' && path[0] === weth && random.chance(0.5))
    return 'swapExactETHForTokens';
  if (trader.kind === 'retail' && path[path.length - 1] === weth && random.chance(0.3))
    return 'swapExactTokensForETH';
  return 'swapExactTokensForTokens';
}

function otherToken(pair: SimPair, token: Address): SimToken {
  return pair.token0.address === token ? pair.token1 : pair.token0;
}

/**
 * The input that moves a pool's price to the target prices (fee ignored): with k = r0 * r1 and
 * target price t = token1 per token0, the reserves on target are r0 = sqrt(k / t), r1 = sqrt(k * t).
 */
function amountToTarget(
  view: MarketView,
  pair: SimPair,
): { tokenIn: SimToken; tokenOut: SimToken; amountIn: bigint } | undefined {
  const { reserve0, reserve1 } = reservesOf(view, pair);
  const k = reserve0 * reserve1;
  // t = (price0 / 10^decimals0) / (price1 / 10^decimals1), kept as a fraction of integers.
  const tNumerator = priceOf(view, pair.token0) * 10n ** BigInt(pair.token1.decimals);
  const tDenominator = priceOf(view, pair.token1) * 10n ** BigInt(pair.token0.decimals);
  const target0 = sqrtBigInt((k * tDenominator) / tNumerator);
  if (target0 > reserve0)
    return { tokenIn: pair.token0, tokenOut: pair.token1, amountIn: target0 - reserve0 };
  const target1 = sqrtBigInt((k * tNumerator) / tDenominator);
  if (target1 > reserve1)
    return { tokenIn: pair.token1, tokenOut: pair.token0, amountIn: target1 - reserve1 };
  return undefined;
}
