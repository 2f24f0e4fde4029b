import { z } from 'zod';
import { KafkaBusConfig } from '@tidemark/bus';
import { GatewayConfigError, parseGatewayConfig, type GatewayConfig } from './config';

/** Everything the standalone gateway process reads from its environment. */
export interface ServerEnv {
  gateway: GatewayConfig;
  dataDir: string;
  databaseUrl?: string;
  clickhouseUrl?: string;
  kafkaBrokers?: string[];
  logLevel: string;
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An unset or blank variable counts as not given. */
function optional(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function parseBrokers(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const result = KafkaBusConfig.shape.brokers.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues[0]?.message ?? 'invalid value';
    throw new GatewayConfigError(
      'KAFKA_BROKERS',
      `${detail}, e.g. 127.0.0.1:9092 (got ${JSON.stringify(value)})`,
    );
  }
  return result.data;
}

function parseLogLevel(value: string | undefined): string {
  const result = z.enum(logLevels).default('info').safeParse(value);
  if (!result.success) {
    throw new GatewayConfigError(
      'LOG_LEVEL',
      `expected one of ${logLevels.join(', ')} (got ${JSON.stringify(value)})`,
    );
  }
  return result.data;
}

/**
 * Parses the process environment once. Store URLs are checked further by the store adapters,
 * whose errors also name the setting.
 */
export function parseServerEnv(env: Record<string, string | undefined>): ServerEnv {
  const databaseUrl = optional(env, 'DATABASE_URL');
  const clickhouseUrl = optional(env, 'CLICKHOUSE_URL');
  const kafkaBrokers = parseBrokers(optional(env, 'KAFKA_BROKERS'));
  return {
    gateway: parseGatewayConfig(env),
    dataDir: optional(env, 'TIDEMARK_DATA_DIR') ?? './.tidemark',
    logLevel: parseLogLevel(optional(env, 'LOG_LEVEL')),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(clickhouseUrl === undefined ? {} : { clickhouseUrl }),
    ...(kafkaBrokers === undefined ? {} : { kafkaBrokers }),
  };
}
