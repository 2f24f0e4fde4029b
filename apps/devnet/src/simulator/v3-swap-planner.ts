import { usdE18ToAmount } from '../market/market-plan';
import type { DeployedV3Pool } from '../market/market-types';
import type { MarketView, Trader } from './market-view';
import type { Random } from './random';

export interface PlannedV3Swap {
  kind: 'swapV3';
  trader: Trader;
  pool: DeployedV3Pool;
  /** Sells token0 for token1 when true. */
  zeroForOne: boolean;
  amountIn: bigint;
}

const usd = 10n ** 18n;

/** A retail-sized swap (20 to 3,000 USD) in a random direction on a random V3-style pool. */
export function planV3Swap(
  view: MarketView,
  pools: readonly DeployedV3Pool[],
  trader: Trader,
  random: Random,
): PlannedV3Swap | undefined {
  if (pools.length === 0) return undefined;
  const pool = random.pick(pools);
  const zeroForOne = random.chance(0.5);
  const symbol = zeroForOne ? pool.symbol0 : pool.symbol1;
  const token = view.pairs
    .flatMap((pair) => [pair.token0, pair.token1])
    .find((t) => t.symbol === symbol);
  const price = view.prices.get(symbol);
  if (!token || price === undefined) return undefined;
  const amountIn = usdE18ToAmount(BigInt(random.logInt(20, 3_000)) * usd, price, token.decimals);
  return amountIn > 0n ? { kind: 'swapV3', trader, pool, zeroForOne, amountIn } : undefined;
}
