import { ConfigError } from '@tidemark/runtime/config-error';
import { z } from 'zod';

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';

/** Where the browser reaches the gateway: queries over HTTP, subscriptions over WebSocket. */
export interface WebConfig {
  gatewayHttpUrl: string;
  gatewayWsUrl: string;
  /**
   * The domain sign-in messages name: the gateway's GATEWAY_SIWE_DOMAIN when it sets one
   * (TIDEMARK_SIWE_DOMAIN must then say the same), else the gateway URL's host, which the gateway
   * compares with the Host header of the sign-in request.
   */
  siweDomain: string;
}

// An empty variable counts as unset, so `TIDEMARK_GATEWAY_URL=` falls back to the default.
const emptyAsUnset = (value: unknown): unknown => (value === '' ? undefined : value);

const envSchema = z.object({
  TIDEMARK_GATEWAY_URL: z.preprocess(
    emptyAsUnset,
    z.url({ protocol: /^https?$/ }).default(DEFAULT_GATEWAY_URL),
  ),
});

/** The gateway's WebSocket URL: same host and path, ws:// for http://, wss:// for https://. */
export function toWebSocketUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function parseWebConfig(env: Readonly<Record<string, string | undefined>>): WebConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new ConfigError('TIDEMARK_GATEWAY_URL', `must be an http(s) URL: ${detail}`);
  }
  const httpUrl = new URL(parsed.data.TIDEMARK_GATEWAY_URL).toString();
  return {
    gatewayHttpUrl: httpUrl,
    gatewayWsUrl: toWebSocketUrl(httpUrl),
    siweDomain: parseSiweDomain(env.TIDEMARK_SIWE_DOMAIN) ?? new URL(httpUrl).host,
  };
}

const SIWE_DOMAIN = /^[a-z0-9.-]+(:[0-9]{1,5})?$/;

function parseSiweDomain(raw: string | undefined): string | undefined {
  const value = raw?.trim().toLowerCase();
  if (value === undefined || value === '') return undefined;
  if (!SIWE_DOMAIN.test(value))
    throw new ConfigError(
      'TIDEMARK_SIWE_DOMAIN',
      `must be a host name with an optional port, like app.example.org (got ${JSON.stringify(raw)})`,
    );
  return value;
}
