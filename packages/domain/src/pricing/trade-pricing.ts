import type { TradeExecutedV1 } from '@tidemark/schema';
import { divRound, usdValue, type Fixed } from '../money/fixed';
import { normalizeAddress, type BookConfig } from './config';
import { V2_FEE_PPM } from './pool-state';
import { parseUint } from './uint';
import {
  PricingInputError,
  type BookPool,
  type GasInput,
  type TokenPrice,
  type TradePricing,
} from './types';

/** What pricing a trade reads from the book. */
export interface TradePricingContext {
  config: BookConfig;
  /** The trade's pool, when the book knows it. */
  pool: BookPool | undefined;
  priceOf(token: string): TokenPrice | null;
}

/** The native coin (the gas currency) has 18 decimals on every EVM chain. */
const NATIVE_DECIMALS = 18;

interface Leg {
  token: string;
  raw: bigint;
}

/**
 * The quote of a pair: the stablecoin (token1 when both are), else the wrapped native token, else
 * the side priced in fewer hops from a $1 anchor (token1 on a tie or when neither is priced).
 */
function quoteTokenOf(
  token0: string,
  token1: string,
  config: BookConfig,
  priceOf: (token: string) => TokenPrice | null,
): string {
  const [stable0, stable1] = [config.stablecoins.has(token0), config.stablecoins.has(token1)];
  if (stable0 !== stable1) return stable0 ? token0 : token1;
  if (stable0) return token1;
  if (token0 === config.wrappedNative) return token0;
  if (token1 === config.wrappedNative) return token1;
  const [price0, price1] = [priceOf(token0), priceOf(token1)];
  return price0 && (!price1 || price0.hops < price1.hops) ? token0 : token1;
}

/** token0 and token1 of the trade's pool; for a pool the book does not know, in address order. */
function pairOf(pool: BookPool | undefined, tokenIn: string, tokenOut: string, where: string) {
  if (tokenIn === tokenOut)
    throw new PricingInputError(`${where}: tokenIn and tokenOut are both ${tokenIn}`);
  if (!pool) return tokenIn < tokenOut ? [tokenIn, tokenOut] : [tokenOut, tokenIn];
  const matches =
    (pool.token0 === tokenIn && pool.token1 === tokenOut) ||
    (pool.token0 === tokenOut && pool.token1 === tokenIn);
  if (!matches)
    throw new PricingInputError(
      `${where}: swaps ${tokenIn} for ${tokenOut} but pool ${pool.pool} holds ${pool.token0}/${pool.token1}`,
    );
  return [pool.token0, pool.token1];
}

/**
 * Values the trade through its quote leg when the quote is priced: volume = quote amount x its
 * price, and the base price is the trade's own execution price (quote paid per base). Otherwise
 * through the base leg at the base's book price. Otherwise nothing.
 */
function valueLegs(ctx: TradePricingContext, quote: Leg, base: Leg) {
  const [dQuote, dBase] = [ctx.config.decimalsOf(quote.token), ctx.config.decimalsOf(base.token)];
  const quotePrice = ctx.priceOf(quote.token);
  if (quotePrice && dQuote !== null) {
    const execution =
      base.raw > 0n && dBase !== null
        ? divRound(
            quotePrice.priceUsd * quote.raw * 10n ** BigInt(dBase),
            base.raw * 10n ** BigInt(dQuote),
          )
        : 0n;
    return {
      priceUsd: execution > 0n ? execution : null,
      volumeUsd: usdValue(quote.raw, dQuote, quotePrice.priceUsd),
      source: quotePrice,
    };
  }
  const basePrice = ctx.priceOf(base.token);
  if (basePrice && dBase !== null)
    return {
      priceUsd: basePrice.priceUsd,
      volumeUsd: usdValue(base.raw, dBase, basePrice.priceUsd),
      source: basePrice,
    };
  return { priceUsd: null, volumeUsd: null, source: null };
}

/** The transaction's gas fee at the wrapped native token's price: gasUsed x effectiveGasPrice wei. */
function gasFee(ctx: TradePricingContext, gas: GasInput | undefined, where: string) {
  if (!gas) return { gasFeeUsd: null, gasSource: null };
  for (const [name, value] of Object.entries(gas))
    if (typeof value !== 'bigint' || value < 0n)
      throw new PricingInputError(
        `${where}: gas ${name} must be a non-negative bigint, got ${String(value)}`,
      );
  const native = ctx.priceOf(ctx.config.wrappedNative);
  if (!native) return { gasFeeUsd: null, gasSource: null };
  const wei = gas.gasUsed * gas.effectiveGasPrice;
  return { gasFeeUsd: usdValue(wei, NATIVE_DECIMALS, native.priceUsd), gasSource: native };
}

function feePpmOf(ctx: TradePricingContext, trade: TradeExecutedV1): number | null {
  if (ctx.pool) return ctx.pool.feePpm;
  return trade.protocol === 'uniswap-v2' ? V2_FEE_PPM : null;
}

/**
 * A trade in USD, from its own amounts and the book's prices (see TradePricing). feeUsd is the
 * pool's fee tier applied to volumeUsd.
 */
export function priceTradeWith(
  ctx: TradePricingContext,
  trade: TradeExecutedV1,
  gas?: GasInput,
): TradePricing {
  const where = `trade ${trade.txHash}:${trade.logIndex}`;
  const tokenIn = normalizeAddress(trade.tokenIn, `${where} tokenIn`);
  const tokenOut = normalizeAddress(trade.tokenOut, `${where} tokenOut`);
  const [token0, token1] = pairOf(ctx.pool, tokenIn, tokenOut, where) as [string, string];
  const quoteToken = quoteTokenOf(token0, token1, ctx.config, (t) => ctx.priceOf(t));
  const baseToken = quoteToken === token0 ? token1 : token0;
  const amountIn = parseUint(trade.amountIn, `${where} amountIn`);
  const amountOut = parseUint(trade.amountOut, `${where} amountOut`);
  const leg = (token: string): Leg => ({ token, raw: token === tokenIn ? amountIn : amountOut });
  const valued = valueLegs(ctx, leg(quoteToken), leg(baseToken));
  const feePpm = feePpmOf(ctx, trade);
  const feeUsd: Fixed | null =
    valued.volumeUsd !== null && feePpm !== null
      ? divRound(valued.volumeUsd * BigInt(feePpm), 1_000_000n)
      : null;
  return { baseToken, quoteToken, ...valued, feeUsd, ...gasFee(ctx, gas, where) };
}
