import { divRound, ONE, type Fixed } from '../money/fixed';
import type { BookConfig } from './config';
import { liquidityUsdFrom, rawRatio, sidePriceUsd } from './pool-math';
import type { BookPool, NativePoolQuote, TokenPrice } from './types';

/** One side of a pool priced through the other side. */
interface Quote {
  pool: string;
  token: string;
  priceUsd: Fixed;
  liquidityUsd: Fixed;
}

const otherToken = (pool: BookPool, token: string) =>
  pool.token0 === token ? pool.token1 : pool.token0;

/** The deeper of two quotes; equal depth goes to the lower pool address, so order never matters. */
const deeper = (a: Quote, b: Quote) =>
  a.liquidityUsd > b.liquidityUsd || (a.liquidityUsd === b.liquidityUsd && a.pool < b.pool);

/**
 * Prices the side of `pool` opposite `via`, if the pool has state, both decimals are known and
 * its liquidity seen from `via` reaches the threshold: dust pools never set a price.
 */
function quoteThrough(config: BookConfig, pool: BookPool, via: TokenPrice): Quote | null {
  const ratio = pool.state && rawRatio(pool.state);
  const d0 = config.decimalsOf(pool.token0);
  const d1 = config.decimalsOf(pool.token1);
  if (!pool.state || !ratio || d0 === null || d1 === null) return null;
  const viaSide = pool.token0 === via.token ? 0 : 1;
  const liquidityUsd = liquidityUsdFrom(pool.state, viaSide, via.priceUsd, viaSide === 0 ? d0 : d1);
  if (liquidityUsd < config.minLiquidityUsd) return null;
  const priceUsd = sidePriceUsd(ratio, viaSide === 0 ? 1 : 0, via.priceUsd, [d0, d1]);
  if (priceUsd === null) return null;
  return { pool: pool.pool, token: otherToken(pool, via.token), priceUsd, liquidityUsd };
}

/** The wrapped native token: the liquidity-weighted average of its pools against stablecoins. */
function nativePrice(
  config: BookConfig,
  pools: readonly BookPool[],
  stables: ReadonlyMap<string, TokenPrice>,
  block: number,
): TokenPrice | null {
  const native = config.wrappedNative;
  if (config.decimalsOf(native) === null) return null;
  const quotes: NativePoolQuote[] = [];
  for (const pool of pools) {
    const stable = stables.get(otherToken(pool, native));
    const quote = stable && quoteThrough(config, pool, stable);
    if (stable && quote) {
      const { pool: address, priceUsd, liquidityUsd } = quote;
      quotes.push({ pool: address, stablecoin: stable.token, priceUsd, liquidityUsd });
    }
  }
  const weight = quotes.reduce((sum, q) => sum + q.liquidityUsd, 0n);
  if (weight === 0n) return null;
  const weighted = quotes.reduce((sum, q) => sum + q.priceUsd * q.liquidityUsd, 0n);
  quotes.sort((a, b) => (a.pool < b.pool ? -1 : 1));
  return {
    token: native,
    priceUsd: divRound(weighted, weight),
    source: { kind: 'native', pools: quotes },
    hops: 1,
    block,
  };
}

/**
 * One round: every unpriced token with a qualifying pool against a token priced in the previous
 * round gets its price from the deepest such pool. Pools against tokens priced in earlier rounds
 * were already tried and fell short, and their state has not changed since.
 */
function nextRound(
  config: BookConfig,
  byToken: ReadonlyMap<string, BookPool[]>,
  frontier: readonly string[],
  prices: ReadonlyMap<string, TokenPrice>,
  block: number,
): TokenPrice[] {
  const best = new Map<string, { quote: Quote; via: TokenPrice }>();
  for (const token of frontier) {
    const via = prices.get(token);
    if (!via) continue;
    for (const pool of byToken.get(token) ?? []) {
      const other = otherToken(pool, token);
      // Anchors keep their own rules: a stablecoin is $1, the native token only from stable pools.
      if (prices.has(other) || config.stablecoins.has(other) || other === config.wrappedNative)
        continue;
      const quote = quoteThrough(config, pool, via);
      const current = best.get(other);
      if (quote && (!current || deeper(quote, current.quote))) best.set(other, { quote, via });
    }
  }
  return [...best.values()].map(({ quote, via }) => ({
    token: quote.token,
    priceUsd: quote.priceUsd,
    source: {
      kind: 'pool',
      pool: quote.pool,
      quoteToken: via.token,
      liquidityUsd: quote.liquidityUsd,
    },
    hops: via.hops + 1,
    block,
  }));
}

function indexByToken(pools: Iterable<BookPool>): Map<string, BookPool[]> {
  const byToken = new Map<string, BookPool[]>();
  for (const pool of pools) {
    if (!pool.state) continue;
    for (const token of [pool.token0, pool.token1]) {
      const list = byToken.get(token);
      if (list) list.push(pool);
      else byToken.set(token, [pool]);
    }
  }
  return byToken;
}

/**
 * Every token's USD price from the pools' current state, a pure function of (config, pools):
 * stablecoins at $1, then the wrapped native token, then rounds outwards through the deepest
 * qualifying pool. A token no qualifying path reaches has no price.
 */
export function resolvePrices(
  config: BookConfig,
  pools: Iterable<BookPool>,
  block: number,
): Map<string, TokenPrice> {
  const byToken = indexByToken(pools);
  const prices = new Map<string, TokenPrice>();
  for (const token of config.stablecoins) {
    if (config.decimalsOf(token) !== null)
      prices.set(token, { token, priceUsd: ONE, source: { kind: 'stablecoin' }, hops: 0, block });
  }
  const native = nativePrice(config, byToken.get(config.wrappedNative) ?? [], prices, block);
  if (native) prices.set(native.token, native);
  let frontier = [...prices.keys()];
  while (frontier.length > 0) {
    const found = nextRound(config, byToken, frontier, prices, block);
    for (const price of found) prices.set(price.token, price);
    frontier = found.map((price) => price.token);
  }
  return prices;
}
