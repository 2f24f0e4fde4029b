import { createClient, type Client } from 'graphql-ws';
import { retryDelayMs } from './backoff';
import type { ConnectionEvent } from './feed-status';

/** A graphql-ws close code after which reconnecting as is cannot help (refused credential). */
const CREDENTIAL_REFUSED = 4403;

const closeCode = (event: unknown): number | undefined => {
  const code = (event as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
};

/**
 * A graphql-ws client that reconnects forever with backoff, reporting its connection state.
 * The browser sends the gateway's session cookie on the WebSocket upgrade by itself, so a client
 * opened after sign-in speaks for the signed-in user. With `onRefused`, a refused credential
 * (4403) is not retried but reported; without it (public data) the client keeps trying, as the
 * stale cookie behind a refusal is cleared by the next HTTP request that carries it.
 */
export function createReconnectingClient(
  wsUrl: string,
  on: (event: ConnectionEvent) => void,
  onRefused?: () => void,
): Client {
  return createClient({
    url: wsUrl,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: (event) => onRefused === undefined || closeCode(event) !== CREDENTIAL_REFUSED,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, retryDelayMs(retries))),
    keepAlive: 10_000,
    on: {
      connecting: () => on('connecting'),
      connected: () => on('connected'),
      closed: (event) => {
        on('closed');
        if (closeCode(event) === CREDENTIAL_REFUSED) onRefused?.();
      },
    },
  });
}

/** A subscription error, or a closed connection, as one line. */
export function describeStreamError(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) {
    return error.map((e: { message?: string }) => e.message ?? 'error').join('; ');
  }
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return `connection closed (${String(error.code)})`;
  }
  return 'connection failed';
}

/** The subscription ended because the gateway no longer accepts the credential. */
export function isUnauthenticated(error: unknown): boolean {
  if (closeCode(error) === CREDENTIAL_REFUSED) return true;
  return (
    Array.isArray(error) &&
    error.some((e: { extensions?: { code?: unknown } }) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}
