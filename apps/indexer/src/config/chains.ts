import { z } from 'zod';

export const ChainConfig = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1),
  rpcUrl: z.url({ protocol: /^(https?|wss?)$/, error: 'rpcUrl must be an http(s) or ws(s) URL' }),
  /** First block to index when the chain has no cursor yet. */
  startBlock: z.number().int().nonnegative().default(0),
  /** How often to ask for a new head when idle. */
  pollIntervalMs: z.number().int().positive().default(500),
  /** The widest eth_getLogs range asked at once. */
  maxBlockRange: z.number().int().positive().default(2000),
});
export type ChainConfig = z.infer<typeof ChainConfig>;

export const ChainList = z.array(ChainConfig).min(1, 'at least one chain is needed');
