import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '@tidemark/schema';

/** An argument the caller can fix; shown to the caller as is. Retrying unchanged cannot help. */
export class BadUserInputError extends GraphQLError {
  readonly retryable = false;
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.BadUserInput } });
  }
}

export function badUserInput(message: string): BadUserInputError {
  return new BadUserInputError(message);
}

/** By shape rather than class, so errors from any copy of graphql-js count. */
export function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** Whether `error` is, or wraps (Apollo and graphql-js wrap errors), a BadUserInputError. */
export function causedByBadUserInput(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    if (current instanceof BadUserInputError) return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}

/** A server-side failure thrown on purpose (a dependency down): its message is for the caller. */
function isRetryableServerError(cause: unknown): cause is GraphQLError {
  return (
    isGraphQLError(cause) &&
    cause.extensions.code === ErrorCode.InternalServerError &&
    cause.extensions.retryable === true
  );
}

/** Logs an unexpected error under a fresh id and returns the masked form the caller sees. */
export function maskInternalError(
  logger: Logger,
  cause: unknown,
  path?: GraphQLFormattedError['path'],
): GraphQLFormattedError {
  const errorId = randomUUID();
  if (isRetryableServerError(cause)) {
    logger.warn(
      { event: 'graphql.dependency_unavailable', errorId, err: cause.originalError ?? cause, path },
      cause.message,
    );
    return {
      message: `${cause.message} (error id ${errorId})`,
      ...(path === undefined ? {} : { path }),
      extensions: { code: ErrorCode.InternalServerError, errorId, retryable: true },
    };
  }
  logger.error(
    { event: 'graphql.internal_error', errorId, err: cause, path },
    'unexpected error in a GraphQL operation',
  );
  return {
    message: `Internal server error (error id ${errorId})`,
    ...(path === undefined ? {} : { path }),
    extensions: { code: ErrorCode.InternalServerError, errorId },
  };
}

/**
 * Errors of a graphql-ws operation: a resolver that threw something other than a GraphQLError
 * failed unexpectedly, so its details stay in the log; everything else is the caller's to see.
 */
export function publicErrors(
  logger: Logger,
  errors: readonly GraphQLError[],
): GraphQLFormattedError[] {
  return errors.map((error) => {
    const cause = error.originalError;
    if (cause !== undefined && !isGraphQLError(cause)) {
      return maskInternalError(logger, cause, error.path);
    }
    return error.toJSON();
  });
}
