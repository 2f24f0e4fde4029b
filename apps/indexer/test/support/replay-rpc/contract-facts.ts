import { encodeAbiParameters } from 'viem';
import { str, type FixtureSlice } from './fixture-slice';

const SWAP_TOPICS = new Set([
  // Uniswap V2 Swap(address,uint256,uint256,uint256,uint256,address)
  '0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822',
  // Uniswap V3 Swap(address,address,int256,int256,uint160,uint128,int24)
  '0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67',
]);

/** Facts about well-known tokens, as the fixtures README states them (symbol, decimals). */
const WELL_KNOWN: Record<string, { symbol: string; decimals: number }> = {
  '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2': { symbol: 'WETH', decimals: 18 },
  '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48': { symbol: 'USDC', decimals: 6 },
  '0xdac17f958d2ee523a2206206994597c13d831ec7': { symbol: 'USDT', decimals: 6 },
  '0x6b175474e89094c44da98b954eedeac495271d0f': { symbol: 'DAI', decimals: 18 },
  '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599': { symbol: 'WBTC', decimals: 8 },
};

const SELECTORS = {
  token0: '0x0dfe1681',
  token1: '0xd21220a7',
  decimals: '0x313ce567',
  symbol: '0x95d89b41',
} as const;

/**
 * The pools' tokens, justified by the fixture itself: in each Swap's transaction the pool sent and
 * received exactly two distinct tokens, and Uniswap orders a pool's tokens by address
 * (token0 < token1). A pool whose transfers do not show exactly two tokens is left unknown.
 */
export function poolTokensFromTransfers(slice: FixtureSlice): Map<string, [string, string]> {
  const pools = new Map<string, [string, string]>();
  const rejected = new Set<string>();
  for (const log of slice.logs) {
    const topics = log.topics as string[];
    if (!SWAP_TOPICS.has(topics[0] ?? '')) continue;
    const pool = str(log.address);
    const tokens = new Set(
      slice.transfers
        .filter((t) => t.transaction_hash === log.transaction_hash)
        .filter((t) => t.from_address === pool || t.to_address === pool)
        .map((t) => str(t.token_address)),
    );
    const pair = [...tokens].sort() as [string, string];
    const seen = pools.get(pool);
    const agrees = seen === undefined || (seen[0] === pair[0] && seen[1] === pair[1]);
    if (tokens.size !== 2 || !agrees) rejected.add(pool);
    else pools.set(pool, pair);
  }
  for (const pool of rejected) pools.delete(pool);
  return pools;
}

const word = (address: string) =>
  encodeAbiParameters([{ type: 'address' }], [address as `0x${string}`]);

/**
 * Answers a read-only call from the facts above, or null when nothing in the fixture justifies an
 * answer (the replay server then answers like a reverting call).
 */
export function answerCall(
  pools: ReadonlyMap<string, [string, string]>,
  to: string,
  data: string,
): string | null {
  const target = to.toLowerCase();
  const selector = data.slice(0, 10).toLowerCase();
  const pool = pools.get(target);
  if (pool && data.length === 10) {
    if (selector === SELECTORS.token0) return word(pool[0]);
    if (selector === SELECTORS.token1) return word(pool[1]);
  }
  const token = WELL_KNOWN[target];
  if (token && data.length === 10) {
    if (selector === SELECTORS.decimals)
      return encodeAbiParameters([{ type: 'uint8' }], [token.decimals]);
    if (selector === SELECTORS.symbol)
      return encodeAbiParameters([{ type: 'string' }], [token.symbol]);
  }
  return null;
}
