import type { Protocol } from '@tidemark/schema';
import type { Fixed } from '../money/fixed';

/** What a price book needs to know about its chain. Addresses are compared in lower case. */
export interface PriceBookConfig {
  chainId: number;
  /** Tokens anchored at exactly $1. */
  stablecoins: readonly string[];
  /** The wrapped native token (WETH on Ethereum); gas is valued at its price. */
  wrappedNative: string;
  /** A pool below this USD liquidity never sets a price. */
  minLiquidityUsd: Fixed;
  /** A token's decimals, or null/undefined when unknown: such a token is never priced. */
  decimals: (token: string) => number | null | undefined;
}

/** A pool's state as the book last saw it. V3 state comes from the pool's latest trade. */
export type PoolState =
  | { kind: 'v2'; reserve0: bigint; reserve1: bigint }
  | { kind: 'v3'; sqrtPriceX96: bigint; liquidity: bigint };

/** Where an event sits on its chain; the book ignores a pool's events at or before its last one. */
export interface EventPosition {
  blockNumber: number;
  logIndex: number;
}

export interface BookPool {
  pool: string;
  protocol: Protocol;
  token0: string;
  token1: string;
  /** Fee in hundredths of a basis point (millionths): 3000 = 0.3%. Null when unknown. */
  feePpm: number | null;
  state: PoolState | null;
  position: EventPosition;
}

/** One stable pool that went into the wrapped native token's average. */
export interface NativePoolQuote {
  pool: string;
  stablecoin: string;
  priceUsd: Fixed;
  liquidityUsd: Fixed;
}

/** Why a token has the price it has. */
export type PriceSource =
  | { kind: 'stablecoin' }
  | { kind: 'native'; pools: NativePoolQuote[] }
  | { kind: 'pool'; pool: string; quoteToken: string; liquidityUsd: Fixed };

export interface TokenPrice {
  token: string;
  /** USD per whole token. */
  priceUsd: Fixed;
  source: PriceSource;
  /** Pools between the token and a $1 anchor: 0 for a stablecoin, 1 for the native token. */
  hops: number;
  /** The newest block whose pool state this price reflects (0 before any state). */
  block: number;
}

/** A transaction's gas, from its receipt: the fee is gasUsed x effectiveGasPrice wei. */
export interface GasInput {
  gasUsed: bigint;
  effectiveGasPrice: bigint;
}

/**
 * A trade in USD. `priceUsd` is the USD price of one whole `baseToken` at this trade; the quote is
 * the pool's stablecoin, else the wrapped native token, else the side priced closer to a $1
 * anchor. Every figure is null when it cannot be derived: never a guess.
 */
export interface TradePricing {
  baseToken: string;
  quoteToken: string;
  priceUsd: Fixed | null;
  volumeUsd: Fixed | null;
  feeUsd: Fixed | null;
  gasFeeUsd: Fixed | null;
  /** The price of the leg the USD figures were valued with (the quote when it is priced). */
  source: TokenPrice | null;
  /** The wrapped native token's price the gas was valued at. */
  gasSource: TokenPrice | null;
}

/** Input the book cannot use: a bad configuration, event or snapshot. Retrying cannot help. */
export class PricingInputError extends Error {
  override readonly name = 'PricingInputError';
  readonly retryable = false;
}
