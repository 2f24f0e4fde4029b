import type { Fixed } from '../money/fixed';
import { PricingInputError, type PriceBookConfig } from './types';

/** The configuration, checked once, with addresses in lower case. */
export interface BookConfig {
  chainId: number;
  stablecoins: ReadonlySet<string>;
  wrappedNative: string;
  minLiquidityUsd: Fixed;
  /** Decimals, or null when unknown or absurd (an ERC-20's decimals is a uint8). */
  decimalsOf(token: string): number | null;
}

const ADDRESS = /^0x[0-9a-f]{40}$/;

/** Lower-cases an address and refuses anything else, naming what it was. */
export function normalizeAddress(value: unknown, what: string): string {
  const text = typeof value === 'string' ? value.toLowerCase() : '';
  if (!ADDRESS.test(text))
    throw new PricingInputError(
      `${what}: expected a 0x-prefixed 20-byte address, got ${String(value)}`,
    );
  return text;
}

export function normalizeConfig(config: PriceBookConfig): BookConfig {
  if (!Number.isSafeInteger(config.chainId) || config.chainId <= 0)
    throw new PricingInputError(
      `price book chainId: expected a positive integer, got ${config.chainId}`,
    );
  const stablecoins = new Set(
    config.stablecoins.map((token, i) => normalizeAddress(token, `price book stablecoins[${i}]`)),
  );
  const wrappedNative = normalizeAddress(config.wrappedNative, 'price book wrappedNative');
  if (stablecoins.has(wrappedNative))
    throw new PricingInputError(
      `price book: the wrapped native token ${wrappedNative} cannot also be a stablecoin`,
    );
  if (typeof config.minLiquidityUsd !== 'bigint' || config.minLiquidityUsd < 0n)
    throw new PricingInputError(
      'price book minLiquidityUsd: expected a non-negative Fixed (bigint)',
    );
  const lookup = config.decimals;
  return {
    chainId: config.chainId,
    stablecoins,
    wrappedNative,
    minLiquidityUsd: config.minLiquidityUsd,
    decimalsOf(token) {
      const decimals = lookup(token);
      const valid = typeof decimals === 'number' && Number.isInteger(decimals);
      return valid && decimals >= 0 && decimals <= 255 ? decimals : null;
    },
  };
}
