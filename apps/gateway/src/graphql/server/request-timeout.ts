import { randomUUID } from 'node:crypto';
import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { Logger } from 'pino';
import { ErrorCode } from '@tidemark/schema';

/**
 * Resolves with `work`'s response, or with a 503 error response once `timeoutMs` has passed. The
 * late work keeps running (a promise cannot be cancelled) but no longer holds the connection.
 */
export async function withRequestTimeout(
  work: Promise<HTTPGraphQLResponse>,
  timeoutMs: number,
  logger: Logger,
): Promise<HTTPGraphQLResponse> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<HTTPGraphQLResponse>((resolve) => {
    timer = setTimeout(() => resolve(timeoutResponse(timeoutMs, logger)), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function timeoutResponse(timeoutMs: number, logger: Logger): HTTPGraphQLResponse {
  const errorId = randomUUID();
  logger.error(
    { event: 'graphql.request_timeout', errorId, timeoutMs },
    'a GraphQL request did not finish in time',
  );
  const body = {
    errors: [
      {
        message: `The operation did not finish within ${timeoutMs} ms; retrying later may help (error id ${errorId}).`,
        // A server-side failure, not the caller's: the same code as other unexpected errors.
        extensions: { code: ErrorCode.InternalServerError, errorId, retryable: true },
      },
    ],
  };
  return {
    status: 503,
    headers: new HeaderMap([['content-type', 'application/json; charset=utf-8']]),
    body: { kind: 'complete', string: JSON.stringify(body) },
  };
}
