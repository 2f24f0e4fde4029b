import { availableParallelism } from 'node:os';
import { parseSetting, type Env } from '@tidemark/runtime';
import { z } from 'zod';
import { commaSeparated } from './env-values';
import {
  identitySettings,
  undisclosedIdentitySettings,
  type IdentitySettings,
} from './auth/identity-settings';

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
  /** Production turns off introspection, field suggestions and the Apollo landing page. */
  environment: GatewayEnvironment;
  /** What one operation may ask for; see protection.ts for how each limit is measured. */
  limits: QueryLimits;
  /** An HTTP operation still running after this long is answered with an error. */
  requestTimeoutMs: number;
  /** A graphql-ws socket that sends no connection_init within this long is closed with 4408. */
  wsInitTimeoutMs: number;
  /** Threads that write live pushes to sockets besides the main thread (live/frame-writer.ts). */
  writeThreads: number;
  /** Per-client budget of query cost; see limits/rate-limit.ts. */
  rateLimit: RateLimitSettings;
  /**
   * Proxies in front of the gateway whose `X-Forwarded-For` entries are believed (0: none, the
   * socket's peer is the client); see limits/client-address.ts.
   */
  trustedProxies: number;
  /** Wallet sign-in and sessions; see auth/identity-settings.ts. */
  identity: IdentitySettings;
  /**
   * Which documents may run: `any`, or `trusted` (the manifest's, unless the caller has an API
   * key); see documents/resolve-document.ts.
   */
  documents: DocumentPolicy;
}

export interface RateLimitSettings {
  /** Cost units a client regains per second; 0 turns rate limiting off. */
  costPerSecond: number;
  /** The most a client may spend at once after being idle. */
  burst: number;
}

export type GatewayEnvironment = 'development' | 'production';

export type DocumentPolicy = 'any' | 'trusted';

export interface QueryLimits {
  /** Nesting of fields (each fragment level counts one). */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Lexical tokens in the whole document. */
  maxTokens: number;
  /** Directives in one operation. */
  maxDirectives: number;
  /** graphql-armor's cost estimate (literal `first` values multiply their list's cost). */
  maxCost: number;
}

export const defaultCorsOrigins = ['http://127.0.0.1:3000', 'http://localhost:3000'];

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

const defaultWriteThreads = Math.min(3, availableParallelism() - 1);

const settings = {
  ...identitySettings,
  GATEWAY_HOST: z.string().trim().min(1, 'expected a host name or IP address').default('127.0.0.1'),
  GATEWAY_PORT: integer(0, 65535).default(4000),
  GATEWAY_CORS_ORIGINS: commaSeparated(origin).default(defaultCorsOrigins),
  GATEWAY_SUBSCRIBER_QUEUE_LIMIT: integer(1, 1_000_000).default(10_000),
  GATEWAY_ENV: z
    .string()
    .trim()
    .pipe(z.enum(['development', 'production'], 'expected development or production'))
    .default('development'),
  // Defaults leave at least a 2x margin over the largest query the web app, the query bench and
  // docs/api send (depth 6, no aliases, ~200 tokens, cost ~55,000 for every list at its maximum page).
  GATEWAY_MAX_DEPTH: integer(1, 1000).default(12),
  GATEWAY_MAX_ALIASES: integer(0, 10_000).default(30),
  GATEWAY_MAX_TOKENS: integer(10, 1_000_000).default(2000),
  GATEWAY_MAX_DIRECTIVES: integer(0, 10_000).default(50),
  GATEWAY_MAX_COST: integer(1, 100_000_000).default(200_000),
  GATEWAY_REQUEST_TIMEOUT_MS: integer(100, 3_600_000).default(30_000),
  // graphql-ws's own default; tests shorten it to see the 4408 close quickly.
  GATEWAY_WS_INIT_TIMEOUT_MS: integer(10, 600_000).default(3000),
  // One socket write costs 10 to 16 µs (bench:gateway), so a push to 10,000 subscribers takes over
  // 100 ms on one thread; by default every other core helps, up to 3 threads (they share ~2 MiB of
  // buffers, each has its own small V8 heap, and they start with the first fan-out that needs them).
  GATEWAY_WRITE_THREADS: integer(0, 64).default(defaultWriteThreads),
  // Per client, in limits/operation-cost.ts's units. The gateway's tests need a burst of ~34,000
  // (largest query ~22,000), the launcher's e2e polling ~9,000 per second; a 1000-candle query
  // costs ~16,000. bench:query (~90,000 per second from one address) turns the limit off.
  GATEWAY_RATE_LIMIT_COST_PER_SECOND: integer(0, 1_000_000_000).default(20_000),
  GATEWAY_RATE_LIMIT_BURST: integer(1, 1_000_000_000).default(200_000),
  GATEWAY_TRUST_PROXY: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(true|false|[0-9]{1,2})$/, 'expected false, true (one proxy) or a count of proxy hops')
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value)))
    .default(0),
  // No default here: it follows GATEWAY_ENV (trusted in production), see parseGatewayConfig.
  GATEWAY_DOCUMENTS: z
    .string()
    .trim()
    .pipe(z.enum(['any', 'trusted'], 'expected any or trusted'))
    .optional(),
} as const;

function setting<K extends keyof typeof settings>(
  env: Env,
  name: K,
): z.output<(typeof settings)[K]> {
  const secret = undisclosedIdentitySettings.has(name);
  return parseSetting(env, name, settings[name], { secret }) as z.output<(typeof settings)[K]>;
}

/** Reads the gateway's settings from an environment; throws a ConfigError naming the bad setting. */
export function parseGatewayConfig(env: Env): GatewayConfig {
  const environment = setting(env, 'GATEWAY_ENV');
  return {
    host: setting(env, 'GATEWAY_HOST'),
    port: setting(env, 'GATEWAY_PORT'),
    corsOrigins: setting(env, 'GATEWAY_CORS_ORIGINS'),
    subscriberQueueLimit: setting(env, 'GATEWAY_SUBSCRIBER_QUEUE_LIMIT'),
    environment,
    limits: {
      maxDepth: setting(env, 'GATEWAY_MAX_DEPTH'),
      maxAliases: setting(env, 'GATEWAY_MAX_ALIASES'),
      maxTokens: setting(env, 'GATEWAY_MAX_TOKENS'),
      maxDirectives: setting(env, 'GATEWAY_MAX_DIRECTIVES'),
      maxCost: setting(env, 'GATEWAY_MAX_COST'),
    },
    requestTimeoutMs: setting(env, 'GATEWAY_REQUEST_TIMEOUT_MS'),
    wsInitTimeoutMs: setting(env, 'GATEWAY_WS_INIT_TIMEOUT_MS'),
    writeThreads: setting(env, 'GATEWAY_WRITE_THREADS'),
    rateLimit: {
      costPerSecond: setting(env, 'GATEWAY_RATE_LIMIT_COST_PER_SECOND'),
      burst: setting(env, 'GATEWAY_RATE_LIMIT_BURST'),
    },
    trustedProxies: setting(env, 'GATEWAY_TRUST_PROXY'),
    identity: {
      cookieName: setting(env, 'GATEWAY_SESSION_COOKIE'),
      // Secure cookies need HTTPS, which production has and a local `npm start` does not.
      cookieSecure: setting(env, 'GATEWAY_SESSION_COOKIE_SECURE') ?? environment === 'production',
      sessionTtlSeconds: setting(env, 'GATEWAY_SESSION_TTL_SECONDS'),
      nonceTtlSeconds: setting(env, 'GATEWAY_SIWE_NONCE_TTL_SECONDS'),
      siweDomain: setting(env, 'GATEWAY_SIWE_DOMAIN'),
      siweChainIds: setting(env, 'GATEWAY_SIWE_CHAIN_IDS'),
      siweRpcUrls: setting(env, 'GATEWAY_SIWE_RPC_URLS'),
    },
    documents:
      setting(env, 'GATEWAY_DOCUMENTS') ?? (environment === 'production' ? 'trusted' : 'any'),
  };
}
