import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '@tidemark/runtime';

export interface IndexRangeArgs {
  rpcUrl: string;
  chainId: number;
  fromBlock: number;
  toBlock: number;
  maxBlockRange: number;
}

const block = z.coerce.number().int().nonnegative();
const Args = z
  .object({
    rpc: z.url({ protocol: /^(https?|wss?)$/, error: 'expected an http(s) or ws(s) URL' }),
    'chain-id': z.coerce.number().int().positive(),
    from: block,
    to: block,
    'max-block-range': z.coerce.number().int().positive().default(500),
  })
  .refine((a) => a.to >= a.from, { error: '--to must not be below --from', path: ['to'] });

const usage =
  'usage: index-range --rpc <url> --chain-id <id> --from <block> --to <block> [--max-block-range <n>]';

/** Parses the command line once; a missing or bad flag is a ConfigError naming it. */
export function parseIndexRangeArgs(argv: readonly string[]): IndexRangeArgs {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        rpc: { type: 'string' },
        'chain-id': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'max-block-range': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new ConfigError('arguments', `${(error as Error).message}; ${usage}`);
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`--${String(issue?.path[0] ?? '')}`, `${issue?.message}; ${usage}`);
  }
  const a = parsed.data;
  return {
    rpcUrl: a.rpc,
    chainId: a['chain-id'],
    fromBlock: a.from,
    toBlock: a.to,
    maxBlockRange: a['max-block-range'],
  };
}
