import { z } from 'zod';
import { commaSeparated } from '../env-values';
import { siweRpcUrlsSetting } from './siwe-rpc-urls';

/** Sign-in and session settings (GATEWAY_SESSION_*, GATEWAY_SIWE_*); parsed in config.ts. */
export interface IdentitySettings {
  /** Name of the httpOnly session cookie. */
  cookieName: string;
  /** Secure cookies (HTTPS only); defaults to true in production. */
  cookieSecure: boolean;
  /** How long a session lasts after sign-in. */
  sessionTtlSeconds: number;
  /** How long a sign-in nonce may wait for its signed message. */
  nonceTtlSeconds: number;
  /** The EIP-4361 `domain` messages must name; undefined: the request's Host header. */
  siweDomain: string | undefined;
  /** Chain ids a message may name; empty: any. */
  siweChainIds: number[];
  /** Per chain id, the RPC URL that checks smart-contract wallets' signatures (EIP-1271, ERC-6492). */
  siweRpcUrls: ReadonlyMap<number, string>;
}

const seconds = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[0-9]+$/, `expected a number of seconds from ${min} to ${max}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `expected a number of seconds from ${min} to ${max}`)
        .max(max, `expected a number of seconds from ${min} to ${max}`),
    );

/** The zod settings of identity, merged into config.ts's table (same error reporting). */
export const identitySettings = {
  GATEWAY_SESSION_COOKIE: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected a cookie name of letters, digits, _ or -')
    .default('tidemark_session'),
  GATEWAY_SESSION_COOKIE_SECURE: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false'], 'expected true or false'))
    .transform((value) => value === 'true')
    .optional(),
  // A week; at least a minute, at most a year.
  GATEWAY_SESSION_TTL_SECONDS: seconds(60, 31_536_000).default(604_800),
  GATEWAY_SIWE_NONCE_TTL_SECONDS: seconds(10, 86_400).default(600),
  GATEWAY_SIWE_DOMAIN: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+(:[0-9]{1,5})?$/, 'expected a host name with an optional port')
    .optional(),
  GATEWAY_SIWE_CHAIN_IDS: commaSeparated(
    z.string().regex(/^[1-9][0-9]{0,15}$/, 'expected comma-separated chain ids'),
  )
    .transform((items) => items.map(Number))
    .default([]),
  GATEWAY_SIWE_RPC_URLS: siweRpcUrlsSetting,
} as const;

/** Settings whose values are not echoed in errors: RPC URLs often carry an API key. */
export const undisclosedIdentitySettings: ReadonlySet<string> = new Set(['GATEWAY_SIWE_RPC_URLS']);
