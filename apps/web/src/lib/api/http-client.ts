import type { z } from 'zod';
import { documentIdOf, isPersistedQueryNotFound } from './document-id';
import { GatewayError } from './gateway-error';
import { readGraphQLResponse } from './read-response';

export interface GraphQLRequest<T> {
  url: string;
  query: string;
  variables?: Record<string, unknown>;
  schema: z.ZodType<T>;
  signal?: AbortSignal;
  /**
   * Send the gateway's session cookie (cross-origin: `credentials: 'include'`). Only the signed-in
   * user's operations ask for it; public reads stay anonymous.
   */
  withSession?: boolean;
}

interface Answer {
  status: number;
  body: unknown;
}

async function post(request: GraphQLRequest<unknown>, payload: object): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      body: JSON.stringify({ ...payload, variables: request.variables ?? {} }),
      signal: request.signal ?? null,
      credentials: request.withSession === true ? 'include' : 'same-origin',
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
  return { status: response.status, body };
}

/**
 * Sends one query to the gateway over HTTP POST and returns its checked data. The query goes by
 * its trusted-document id, so a gateway running only trusted documents serves it; the text is
 * sent only when the gateway does not know the id (it then runs it if its policy allows).
 */
export async function queryGateway<T>(request: GraphQLRequest<T>): Promise<T> {
  const documentId = await documentIdOf(request.query);
  let answer = documentId === undefined ? undefined : await post(request, { documentId });
  if (answer === undefined || isPersistedQueryNotFound(answer.body)) {
    answer = await post(request, { query: request.query });
  }
  return readGraphQLResponse(answer.status, answer.body, request.schema);
}
