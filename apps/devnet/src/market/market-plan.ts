import { parseUnits } from 'viem';

export interface TokenSpec {
  symbol: string;
  name: string;
  decimals: number;
  priceUsd: string;
}

export interface PairSpec {
  base: string;
  quote: string;
  /** USD value seeded on each side of the pool. */
  liquidityUsd: bigint;
}

export const wethSpec: TokenSpec = {
  symbol: 'WETH',
  name: 'Wrapped Ether',
  decimals: 18,
  priceUsd: '3000',
};

/** The minted tokens; WETH is the wrapped native coin and is deployed separately. */
export const tokenSpecs: readonly TokenSpec[] = [
  { symbol: 'USDC', name: 'USD Coin', decimals: 6, priceUsd: '1' },
  { symbol: 'WBTC', name: 'Wrapped Bitcoin', decimals: 8, priceUsd: '60000' },
  { symbol: 'LINK', name: 'Chainlink Token', decimals: 18, priceUsd: '15' },
  { symbol: 'UNI', name: 'Uniswap', decimals: 18, priceUsd: '8' },
];

export const pairSpecs: readonly PairSpec[] = [
  { base: 'WETH', quote: 'USDC', liquidityUsd: 3_000_000n },
  { base: 'WBTC', quote: 'USDC', liquidityUsd: 2_000_000n },
  { base: 'LINK', quote: 'USDC', liquidityUsd: 500_000n },
  { base: 'UNI', quote: 'USDC', liquidityUsd: 400_000n },
  { base: 'WBTC', quote: 'WETH', liquidityUsd: 1_500_000n },
  { base: 'LINK', quote: 'WETH', liquidityUsd: 400_000n },
  { base: 'UNI', quote: 'WETH', liquidityUsd: 300_000n },
];

/** Whole tokens minted to the deployer at deployment; it mints more for traders later. */
export const initialSupplyWholeTokens = 1_000_000_000n;

/** USD prices are carried as 18-decimal fixed point. */
const priceScale = 10n ** 18n;

export function priceE18(priceUsd: string): bigint {
  return parseUnits(priceUsd, 18);
}

/** Raw token amount worth `usd` dollars at `priceUsdE18`. */
export function usdToAmount(usd: bigint, priceUsdE18: bigint, decimals: number): bigint {
  return (usd * priceScale * 10n ** BigInt(decimals)) / priceUsdE18;
}

/** Like usdToAmount for a dollar figure that is itself 18-decimal fixed point. */
export function usdE18ToAmount(usdE18: bigint, priceUsdE18: bigint, decimals: number): bigint {
  return (usdE18 * 10n ** BigInt(decimals)) / priceUsdE18;
}
