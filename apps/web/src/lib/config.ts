import { z } from 'zod';

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:4000/graphql';

/** Where the browser reaches the gateway: queries over HTTP, subscriptions over WebSocket. */
export interface WebConfig {
  gatewayHttpUrl: string;
  gatewayWsUrl: string;
}

/** A configuration error cannot be fixed by retrying; the environment must change. */
export class WebConfigError extends Error {
  readonly retryable = false;
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
    throw new WebConfigError(`TIDEMARK_GATEWAY_URL must be an http(s) URL: ${detail}`);
  }
  const httpUrl = new URL(parsed.data.TIDEMARK_GATEWAY_URL).toString();
  return { gatewayHttpUrl: httpUrl, gatewayWsUrl: toWebSocketUrl(httpUrl) };
}
