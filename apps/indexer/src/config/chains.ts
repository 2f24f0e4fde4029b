import { z } from 'zod';
import { PoolDiscoveryFields } from './pool-discovery';
import { PricingConfig } from './pricing';

const endpointUrl = z.url({
  protocol: /^(https?|wss?)$/,
  error: 'rpcUrl must be an http(s) or ws(s) URL',
});

const ChainFields = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  /** Shorthand for a one-entry `rpcUrls`. */
  rpcUrl: endpointUrl.optional(),
  /** Endpoints of the chain in order of preference; a failing or lagging one is demoted. */
  rpcUrls: z.array(endpointUrl).optional(),
  /** Where to subscribe to new heads; without it a ws(s) entry of `rpcUrls`, else polling. */
  wsUrl: z.url({ protocol: /^wss?$/, error: 'wsUrl must be a ws(s) URL' }).optional(),
  /** Requests in flight at once, per endpoint. */
  maxConcurrency: z.number().int().positive().default(4),
  /** How long one JSON-RPC request may take before it counts as failed. */
  requestTimeoutMs: z.number().int().positive().default(10_000),
  /** First block to index when the chain has no cursor yet. */
  startBlock: z.number().int().nonnegative().default(0),
  /** How often to ask for a new head when idle. */
  pollIntervalMs: z.number().int().positive().default(500),
  /** The widest eth_getLogs range asked at once. */
  maxBlockRange: z.number().int().positive().default(2000),
  /** Blocks this far below the head are history: no per-block logsBloom check of empty answers. */
  bloomCheckDepth: z.number().int().positive().default(128),
  /** The deepest reorg ingest can roll back: how many published block hashes it keeps. */
  reorgWindow: z.number().int().positive().max(10_000).default(64),
  /** Blocks below the head before a block counts as finalized. */
  confirmations: z.number().int().nonnegative().default(12),
  ...PoolDiscoveryFields,
  /** USD pricing anchors; well-known chains (Ethereum) have defaults. */
  pricing: PricingConfig.optional(),
});

export const ChainConfig = ChainFields.transform(({ rpcUrl, rpcUrls, ...rest }) => ({
  ...rest,
  rpcUrls: [...new Set([...(rpcUrls ?? []), ...(rpcUrl === undefined ? [] : [rpcUrl])])],
}))
  .refine((c) => c.rpcUrls.length > 0, {
    error: 'rpcUrls (or rpcUrl) needs at least one URL',
    path: ['rpcUrls'],
  })
  .refine((c) => c.mode !== 'factory' || c.factories.length > 0, {
    error: 'mode "factory" needs at least one entry in factories',
    path: ['factories'],
  });
export type ChainConfig = z.infer<typeof ChainConfig>;

export const ChainList = z.array(ChainConfig).min(1, 'at least one chain is needed');
