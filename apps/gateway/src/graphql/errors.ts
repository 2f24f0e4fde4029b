import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '@tidemark/schema';

/** An argument the caller can fix; shown to the caller as is. */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BadUserInput } });
}

export function isBadUserInput(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions.code === ErrorCode.BadUserInput;
}

/** Logs an unexpected error under a fresh id and returns the masked form the caller sees. */
export function maskInternalError(
  logger: Logger,
  cause: unknown,
  path?: GraphQLFormattedError['path'],
): GraphQLFormattedError {
  const errorId = randomUUID();
  logger.error({ event: 'graphql.internal_error', errorId, err: cause, path }, 'unexpected error in a GraphQL operation');
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
export function publicErrors(logger: Logger, errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((error) => {
    const cause = error.originalError;
    if (cause !== undefined && !(cause instanceof GraphQLError)) {
      return maskInternalError(logger, cause, error.path);
    }
    return error.toJSON();
  });
}
