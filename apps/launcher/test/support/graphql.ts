import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length)
    throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  if (!body.data) throw new Error(`GraphQL answered ${response.status} without data`);
  return body.data;
}

export function wsClient(url: string): Client {
  return createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
}

/** Subscribes and resolves with the first `count` results. */
export function firstResults<T>(
  client: Client,
  query: string,
  count: number,
  variables: Record<string, unknown> = {},
): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const results: T[] = [];
    const dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors?.length) {
            dispose();
            reject(new Error(value.errors.map((e) => e.message).join('; ')));
            return;
          }
          results.push(value.data as T);
          if (results.length === count) {
            dispose();
            resolve(results);
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => undefined,
      },
    );
  });
}

export const TRADE_FIELDS =
  'id chainId blockNumber txHash logIndex timestamp pool trader tokenIn tokenOut amountIn amountOut';
