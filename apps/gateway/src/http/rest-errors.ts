import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '@tidemark/schema';
import { isGraphQLError, maskInternalError } from '../graphql/server/errors';
import { retryAfterHeader } from '../limits/rate-limit';

/** What the REST view answers for errors: the GraphQL `errors` shape, with an HTTP status. */
export interface RestErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: { errors: GraphQLFormattedError[] };
}

export interface RestErrorDeps {
  logger: Logger;
  /** Removes "Did you mean ..." hints in production (Protection.hideSuggestions). */
  hideSuggestions: (message: string) => string;
}

/** Marks a request-level refusal (arguments that do not coerce, a query over a limit) as the caller's. */
export function asBadUserInput(error: GraphQLError): GraphQLError {
  if (error.extensions.code !== undefined) return error;
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: ErrorCode.BadUserInput },
  });
}

const statusOf: Readonly<Record<string, number>> = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.RateLimited]: 429,
  [ErrorCode.InternalServerError]: 500,
};

/** sofa-api refuses a query parameter it cannot read as its argument's type with HTTP 400. */
function sofaBadArgument(error: GraphQLError): boolean {
  const http = error.extensions.http as { status?: unknown } | undefined;
  return error.extensions.code === undefined && http?.status === 400;
}

/**
 * One error as GraphQL over HTTP would show it: the caller's mistakes and rate-limit refusals as
 * they are, anything else (a resolver's unexpected failure, a code we do not expect) masked and
 * logged under an error id, like Apollo's formatError does.
 */
function formatOne(deps: RestErrorDeps, error: unknown): GraphQLFormattedError {
  if (!isGraphQLError(error)) return maskInternalError(deps.logger, error);
  const code = sofaBadArgument(error) ? ErrorCode.BadUserInput : error.extensions.code;
  const path = error.path === undefined ? {} : { path: error.path };
  if (code === ErrorCode.BadUserInput) {
    return { message: deps.hideSuggestions(error.message), ...path, extensions: { code } };
  }
  if (code === ErrorCode.RateLimited) {
    // Its extensions (retryAfterMs, retryable) are the whole answer; drop sofa's `http` hint.
    const { http: _http, ...extensions } = error.extensions;
    return { message: error.message, extensions };
  }
  return maskInternalError(deps.logger, error.originalError ?? error, error.path);
}

/**
 * The answer to a REST call that failed: the worst error decides the status (500 over 429 over
 * 400), and a rate-limit refusal adds `Retry-After` in whole seconds, as /graphql does.
 */
export function restErrorAnswer(deps: RestErrorDeps, errors: readonly unknown[]): RestErrorAnswer {
  const formatted = errors.map((error) => formatOne(deps, error));
  let status = 400;
  const headers: Record<string, string> = {};
  for (const error of formatted) {
    const code = error.extensions?.code;
    status = Math.max(status, typeof code === 'string' ? (statusOf[code] ?? 500) : 500);
    const retryAfterMs = error.extensions?.retryAfterMs;
    if (code === ErrorCode.RateLimited && typeof retryAfterMs === 'number') {
      headers['Retry-After'] = retryAfterHeader(retryAfterMs);
    }
  }
  return { status, headers, body: { errors: formatted } };
}
