import type { Logger } from 'pino';
import { z } from 'zod';
import type { MarketDeployment } from '../market/market-types';

// A leaf: the simulator and the context its steps share both read these.
export const simulatorOptionsSchema = z.object({
  rpcUrl: z.string().url(),
  /** Swaps sent for each new block. */
  tradesPerBlock: z.number().int().min(1).max(200).default(6),
  seed: z.number().int().default(1),
  whales: z.number().int().min(1).default(3),
  /** Trading wallets; by default every unlocked node account except the deployer. */
  traders: z.number().int().min(2).optional(),
  /** Chance per block of a liquidity add or removal. */
  liquidityChance: z.number().min(0).max(1).default(0.05),
  /** Chance per block and token of a price jump. */
  jumpChance: z.number().min(0).max(1).default(0.01),
  volatilityPpm: z.number().int().min(0).default(1500),
  /** Chance per block of a retail swap on a V3-style pool. */
  v3Chance: z.number().min(0).max(1).default(0.3),
  pollIntervalMs: z.number().int().positive().default(100),
});
export type SimulatorOptions = z.input<typeof simulatorOptionsSchema> & {
  deployment: MarketDeployment;
  logger?: Logger;
};
export type SimulatorConfig = z.infer<typeof simulatorOptionsSchema>;

export interface SimulatorStats {
  /** Swap transactions sent through the V2 router. */
  trades: number;
  /** Swap transactions sent to V3-style pools. */
  v3Trades: number;
  liquidityChanges: number;
  /** Transactions the node refused. */
  failed: number;
  rounds: number;
}
