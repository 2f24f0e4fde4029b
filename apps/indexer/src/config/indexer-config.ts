import { z } from 'zod';
import { ChainList, type ChainConfig } from './chains';
import { ConfigError } from './config-error';

export const Roles = ['ingest', 'sink', 'analytics'] as const;
export type Role = (typeof Roles)[number];

export interface StoreConfig {
  dataDir: string;
  databaseUrl?: string;
  clickhouseUrl?: string;
  kafkaBrokers?: string[];
}

export const CostMethods = ['average', 'fifo'] as const;

export interface IndexerConfig extends StoreConfig {
  chains: ChainConfig[];
  roles: Role[];
  /** How the analytics role costs what a wallet sells (TIDEMARK_PNL_METHOD). */
  costMethod: (typeof CostMethods)[number];
  logLevel: string;
}

type Env = Record<string, string | undefined>;

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

export function parseDatabaseUrl(value: string | undefined): string | undefined {
  const url = nonEmpty(value);
  if (url === undefined) return undefined;
  return parseWith(
    'DATABASE_URL',
    z.url({ protocol: /^postgres(ql)?$/, error: 'expected postgres://user:pass@host:port/db' }),
    url,
  );
}

export function parseStoreConfig(env: Env): StoreConfig {
  const brokers = nonEmpty(env.KAFKA_BROKERS);
  const clickhouseUrl = nonEmpty(env.CLICKHOUSE_URL);
  return {
    dataDir: nonEmpty(env.TIDEMARK_DATA_DIR) ?? './.tidemark',
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    clickhouseUrl:
      clickhouseUrl === undefined
        ? undefined
        : parseWith(
            'CLICKHOUSE_URL',
            z.url({ protocol: /^https?$/, error: 'expected http(s)://host:8123' }),
            clickhouseUrl,
          ),
    kafkaBrokers:
      brokers === undefined
        ? undefined
        : parseWith(
            'KAFKA_BROKERS',
            z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'expected host:port[,host:port...]')),
            brokers.split(',').map((b) => b.trim()),
          ),
  };
}

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
    ...parseStoreConfig(env),
    chains: parseChains(env.TIDEMARK_CHAINS),
    roles: parseRoles(env.TIDEMARK_ROLES),
    costMethod: parseWith(
      'TIDEMARK_PNL_METHOD',
      z.enum(CostMethods, { error: 'expected "average" or "fifo"' }),
      nonEmpty(env.TIDEMARK_PNL_METHOD) ?? 'average',
    ),
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
  };
}
