import { z } from 'zod';

export interface GatewayConfig {
  host: string;
  /** 0 lets the OS pick a free port (tests). */
  port: number;
  /** Browser origins allowed to call the API (the web app). */
  corsOrigins: string[];
  /**
   * Live trades buffered per subscription before a slow subscriber is dropped. A bus batch lands
   * in the queues at once, so this must exceed the trades of the largest batch.
   */
  subscriberQueueLimit: number;
}

export const defaultCorsOrigins = ['http://127.0.0.1:3000', 'http://localhost:3000'];

/** A configuration value is wrong; retrying with the same environment cannot help. */
export class GatewayConfigError extends Error {
  readonly retryable = false;
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'GatewayConfigError';
  }
}

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[0-9]+$/, `expected an integer from ${min} to ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `expected an integer from ${min} to ${max}`)
        .max(max, `expected an integer from ${min} to ${max}`),
    );

const origin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^/\s]+$/, 'expected comma-separated origins like http://localhost:3000');

const settings = {
  GATEWAY_HOST: z.string().trim().min(1, 'expected a host name or IP address').default('127.0.0.1'),
  GATEWAY_PORT: integer(0, 65535).default(4000),
  GATEWAY_CORS_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .pipe(z.array(origin))
    .default(defaultCorsOrigins),
  GATEWAY_SUBSCRIBER_QUEUE_LIMIT: integer(1, 1_000_000).default(10_000),
} as const;

function parseSetting<K extends keyof typeof settings>(
  env: Record<string, string | undefined>,
  name: K,
): z.output<(typeof settings)[K]> {
  const raw = env[name];
  const result = settings[name].safeParse(raw === '' ? undefined : raw);
  if (!result.success) {
    const detail = result.error.issues[0]?.message ?? 'invalid value';
    throw new GatewayConfigError(name, `${detail} (got ${JSON.stringify(raw)})`);
  }
  return result.data as z.output<(typeof settings)[K]>;
}

/** Reads the gateway's settings from an environment; throws GatewayConfigError naming the bad setting. */
export function parseGatewayConfig(env: Record<string, string | undefined>): GatewayConfig {
  return {
    host: parseSetting(env, 'GATEWAY_HOST'),
    port: parseSetting(env, 'GATEWAY_PORT'),
    corsOrigins: parseSetting(env, 'GATEWAY_CORS_ORIGINS'),
    subscriberQueueLimit: parseSetting(env, 'GATEWAY_SUBSCRIBER_QUEUE_LIMIT'),
  };
}
