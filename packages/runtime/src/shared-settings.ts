import { KafkaBusConfig } from '@tidemark/bus';
import { z } from 'zod';
import { parseSetting, type Env } from './parse-setting';

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** Where each port's adapter lives: embedded in `dataDir` unless a server's setting is given. */
export interface StoreSettings {
  dataDir: string;
  databaseUrl?: string;
  clickhouseUrl?: string;
  kafkaBrokers?: string[];
}

/** The settings every Tidemark process reads; apps spread them into their own configuration. */
export interface SharedSettings extends StoreSettings {
  logLevel: LogLevel;
}

/** A blank value (spaces only) counts as unset. */
const unsetIfBlank = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optional = <O>(schema: z.ZodType<O, string>) =>
  z.preprocess(unsetIfBlank, z.string().trim().pipe(schema).optional());

const databaseUrlHint = 'expected postgres://user:pass@host:port/db';

/** Host given in the authority or, for a Unix socket, as `?host=`. */
const namesHost = (value: string) => {
  if (!URL.canParse(value)) return true; // refused by z.url already
  const url = new URL(value);
  return url.hostname !== '' || url.searchParams.has('host');
};

/** The Kafka adapter's own rule, so a list accepted here is one the bus accepts. */
function brokerList(value: string, ctx: z.RefinementCtx<string>): string[] {
  const result = KafkaBusConfig.shape.brokers.safeParse(value);
  if (result.success) return result.data;
  ctx.addIssue({ code: 'custom', message: result.error.issues[0]?.message ?? 'invalid value' });
  return z.NEVER;
}

/** One schema per shared variable: the one rule each is checked by, in every process. */
export const sharedSettings = {
  TIDEMARK_DATA_DIR: optional(z.string()),
  DATABASE_URL: optional(
    z
      .url({ protocol: /^postgres(ql)?$/, error: databaseUrlHint })
      .refine(namesHost, databaseUrlHint),
  ),
  CLICKHOUSE_URL: optional(z.url({ protocol: /^https?$/, error: 'expected http(s)://host:8123' })),
  KAFKA_BROKERS: optional(z.string().transform(brokerList)),
  LOG_LEVEL: optional(z.enum(logLevels, `expected one of ${logLevels.join(', ')}`)),
} as const;

/** Store URLs may carry a password: their errors never repeat the value. */
const secret = { secret: true };

/** Parses the shared settings once, at start-up; throws a ConfigError naming a bad one. */
export function parseSharedSettings(
  env: Env,
  defaults: { logLevel?: LogLevel } = {},
): SharedSettings {
  return {
    dataDir:
      parseSetting(env, 'TIDEMARK_DATA_DIR', sharedSettings.TIDEMARK_DATA_DIR) ?? './.tidemark',
    databaseUrl: parseSetting(env, 'DATABASE_URL', sharedSettings.DATABASE_URL, secret),
    clickhouseUrl: parseSetting(env, 'CLICKHOUSE_URL', sharedSettings.CLICKHOUSE_URL, secret),
    kafkaBrokers: parseSetting(env, 'KAFKA_BROKERS', sharedSettings.KAFKA_BROKERS),
    logLevel:
      parseSetting(env, 'LOG_LEVEL', sharedSettings.LOG_LEVEL) ?? defaults.logLevel ?? 'info',
  };
}
