import { parseArgs } from 'node:util';
import { z } from 'zod';

const csvIntegers = (value: string) => value.split(',').map((part) => Number(part.trim()));

const cliConfigSchema = z
  .object({
    chainIds: z.array(z.number().int().positive()).min(1),
    /** One port per chain; 0 picks a free one. */
    ports: z.array(z.number().int().min(0).max(65535)),
    blockTimeMs: z.number().int().positive(),
    tradesPerBlock: z.number().int().min(1).max(200),
    seed: z.number().int(),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  })
  .refine((config) => config.ports.length === config.chainIds.length, {
    message: 'give one port per chain id',
  })
  .refine((config) => new Set(config.chainIds).size === config.chainIds.length, {
    message: 'chain ids must differ',
  });
export type CliConfig = z.infer<typeof cliConfigSchema>;

const cliUsage = `Usage: npm run devnet -w apps/devnet -- [options]
  --chains 31337,31338     chain ids, one Hardhat node each
  --ports 8545,8546        RPC ports, one per chain (0 = any free port)
  --block-time 1000        milliseconds between blocks
  --trades 6               swaps sent per block and chain
  --seed 1                 random seed of the market simulation
Environment: LOG_LEVEL (default info)`;

/** Reads the command line (and LOG_LEVEL) once; throws with the usage text on bad input. */
export function parseCliConfig(argv: string[], env: NodeJS.ProcessEnv): CliConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      chains: { type: 'string', default: '31337,31338' },
      ports: { type: 'string' },
      'block-time': { type: 'string', default: '1000' },
      trades: { type: 'string', default: '6' },
      seed: { type: 'string', default: '1' },
    },
  });
  const chainIds = csvIntegers(values.chains);
  const parsed = cliConfigSchema.safeParse({
    chainIds,
    ports:
      values.ports === undefined
        ? chainIds.map((_, index) => 8545 + index)
        : csvIntegers(values.ports),
    blockTimeMs: Number(values['block-time']),
    tradesPerBlock: Number(values.trades),
    seed: Number(values.seed),
    logLevel: env.LOG_LEVEL ?? 'info',
  });
  if (!parsed.success) throw new Error(`${z.prettifyError(parsed.error)}\n\n${cliUsage}`);
  return parsed.data;
}
