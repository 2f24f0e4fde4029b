import type { z } from 'zod';
import { ConfigError } from './config-error';

export type Env = Record<string, string | undefined>;

export interface SettingOptions {
  /** The value may hold credentials (a URL with a password): the error says `value not shown`. */
  secret?: boolean;
}

/**
 * Parses one environment variable with its schema; an empty value counts as unset. A refusal is a
 * ConfigError naming the variable, with the schema's first message and the value given.
 */
export function parseSetting<T extends z.ZodType>(
  env: Env,
  name: string,
  schema: T,
  options: SettingOptions = {},
): z.output<T> {
  const raw = env[name];
  const result = schema.safeParse(raw === '' ? undefined : raw);
  if (result.success) return result.data;
  const detail = result.error.issues[0]?.message ?? 'invalid value';
  const got = options.secret ? 'value not shown' : JSON.stringify(raw);
  throw new ConfigError(name, `${detail} (got ${got})`);
}
