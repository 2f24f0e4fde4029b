import type { z } from 'zod';
import { GatewayError } from './gateway-error';
import { readGraphQLResponse } from './read-response';

export interface GraphQLRequest<T> {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
}

/** Sends one query to the gateway over HTTP POST and returns its checked data. */
export async function queryGateway<T>(request: GraphQLRequest<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ query: request.query, variables: request.variables ?? {} }),
      signal: request.signal ?? null,
    });
  } catch (error) {
    // Refused connections and timeouts: the gateway may be starting or restarting.
    throw new GatewayError(`gateway unreachable at ${request.url}`, true, { cause: error });
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A body that is not JSON is judged by the status code alone.
  }
  return readGraphQLResponse(response.status, body, request.schema);
}
