import { GraphQLError } from 'graphql';
import { ErrorCode } from '@tidemark/schema';

/**
 * The caller is not signed in, or its credential (session cookie, API key, signed message) does
 * not check out. Retrying with the same credential cannot help; a new one can.
 */
export class UnauthenticatedError extends GraphQLError {
  readonly retryable = false;
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.Unauthenticated, retryable: false } });
  }
}

/** The caller is known but its credential may not do this (an API key without the scope). */
export class ForbiddenError extends GraphQLError {
  readonly retryable = false;
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.Forbidden, retryable: false } });
  }
}

/**
 * No such object among the caller's own: an unknown id and another user's id answer this same
 * error, so ids cannot be probed.
 */
export class NotFoundError extends GraphQLError {
  readonly retryable = false;
  constructor(what: string) {
    super(`${what} not found among your objects`, {
      extensions: { code: ErrorCode.NotFound, retryable: false },
    });
  }
}
