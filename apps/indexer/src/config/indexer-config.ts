import { ConfigError, parseSharedSettings, type Env, type SharedSettings } from '@tidemark/runtime';
import { z } from 'zod';
import { ChainList, type ChainConfig } from './chains';

const Roles = ['ingest', 'sink', 'analytics'] as const;
export type Role = (typeof Roles)[number];

const CostMethods = ['average', 'fifo'] as const;

export interface IndexerConfig extends SharedSettings {
  chains: ChainConfig[];
  roles: Role[];
  /** How the analytics role costs what a wallet sells (TIDEMARK_PNL_METHOD). */
  costMethod: (typeof CostMethods)[number];
}

function fail(setting: string, error: z.ZodError): never {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new ConfigError(setting, `${issue?.message ?? 'invalid value'}${where}`);
}

function parseWith<T>(setting: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  return result.success ? result.data : fail(setting, result.error);
}

const nonEmpty = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

export function parseChains(value: string | undefined): ChainConfig[] {
  const text = nonEmpty(value);
  if (text === undefined)
    throw new ConfigError(
      'TIDEMARK_CHAINS',
      'is required: a JSON array like [{"id":1,"name":"ethereum","rpcUrl":"https://..."}]',
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError('TIDEMARK_CHAINS', 'is not valid JSON');
  }
  return parseWith('TIDEMARK_CHAINS', ChainList, json);
}

export function parseRoles(value: string | undefined): Role[] {
  const text = nonEmpty(value) ?? Roles.join(',');
  return parseWith(
    'TIDEMARK_ROLES',
    z.array(z.enum(Roles, { error: `each role is one of ${Roles.join(', ')}` })).min(1),
    text.split(',').map((r) => r.trim()),
  );
}

/** Parses the indexer's whole configuration once, at start-up. */
export function parseIndexerConfig(env: Env): IndexerConfig {
  return {
    ...parseSharedSettings(env),
    chains: parseChains(env.TIDEMARK_CHAINS),
    roles: parseRoles(env.TIDEMARK_ROLES),
    costMethod: parseWith(
      'TIDEMARK_PNL_METHOD',
      z.enum(CostMethods, { error: 'expected "average" or "fifo"' }),
      nonEmpty(env.TIDEMARK_PNL_METHOD) ?? 'average',
    ),
  };
}
