import { z } from 'zod';
import { address } from './pool-discovery';

const decimal = z
  .string()
  .regex(/^\d+(\.\d{1,18})?$/, 'expected a non-negative decimal such as "10000" or "0.5"');

/** USD pricing of one chain: the $1 anchors, the wrapped native token and the dust floor. */
export const PricingConfig = z.object({
  /** Tokens worth exactly $1. */
  stablecoins: z.array(address).min(1, 'at least one stablecoin anchors USD prices'),
  /** The wrapped native token (WETH on Ethereum); gas fees are valued at its price. */
  wrappedNative: address,
  /** Pools with less USD liquidity never set a price. */
  minLiquidityUsd: decimal.default('10000'),
});
export type PricingConfig = z.infer<typeof PricingConfig>;

/** Well-known anchors, used when a chain of these ids has no `pricing` of its own. */
const KNOWN: Record<number, z.input<typeof PricingConfig>> = {
  1: {
    stablecoins: [
      '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', // USDC
      '0xdac17f958d2ee523a2206206994597c13d831ec7', // USDT
      '0x6b175474e89094c44da98b954eedeac495271d0f', // DAI
    ],
    wrappedNative: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', // WETH
  },
};

/** The chain's pricing: its own, else the well-known one of its id, else none (no USD figures). */
export function pricingFor(chainId: number, own: PricingConfig | undefined): PricingConfig | null {
  if (own) return own;
  const known = KNOWN[chainId];
  return known ? PricingConfig.parse(known) : null;
}
