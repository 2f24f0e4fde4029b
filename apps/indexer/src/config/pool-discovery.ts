import { z } from 'zod';

/** An address in configuration, lower-cased. */
export const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte address')
  .transform((a) => a.toLowerCase());

/** Where Multicall3 is deployed on nearly every EVM chain. */
const MULTICALL3_ADDRESS = '0xca11bde05977b3631167028862be2a173976ca11';

export const FactoryConfig = z.object({
  address,
  protocol: z.enum(['uniswap-v2', 'uniswap-v3']),
  /** The factory's deploy block: where its pools are looked for. Default: the chain's startBlock. */
  fromBlock: z.number().int().nonnegative().optional(),
});
export type FactoryConfig = z.infer<typeof FactoryConfig>;

/** Which pools a chain indexes, and where its token metadata is read from. */
export const PoolDiscoveryFields = {
  /** `factory`: only the configured factories' pools; `open`: any address emitting pool events. */
  mode: z.enum(['factory', 'open']).default('open'),
  /** Factories whose pools are indexed (factory mode) or verified (open mode). */
  factories: z.array(FactoryConfig).default([]),
  /** The Multicall3 contract; where it has no code, metadata is read with plain eth_calls. */
  multicall3: address.default(MULTICALL3_ADDRESS),
};
