import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export type ReceivedErrors = { message: string; extensions?: { code?: string } }[];

/** What a live subscription delivered so far: one push per result, and every error. */
export interface Received {
  pushes: Record<string, unknown>[];
  errors: ReceivedErrors;
}

/**
 * Subscribes with the graphql-ws client and collects the `field` of each result; the client is
 * added to `clients` for the caller to dispose.
 */
export function subscribeLive(
  clients: Client[],
  wsUrl: string,
  request: { query: string; variables?: Record<string, unknown> },
  field: string,
): Received {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
  clients.push(client);
  const received: Received = { pushes: [], errors: [] };
  client.subscribe<Record<string, Record<string, unknown>>>(request, {
    next: (result) => {
      const push = result.data?.[field];
      if (push) received.pushes.push(push);
      received.errors.push(...((result.errors ?? []) as ReceivedErrors));
    },
    error: (error) =>
      received.errors.push(
        ...(Array.isArray(error) ? (error as ReceivedErrors) : [{ message: String(error) }]),
      ),
    complete: () => undefined,
  });
  return received;
}
