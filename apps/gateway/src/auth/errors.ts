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

/**
 * A chain's node could not answer a contract wallet's signature check (down, slow, refusing).
 * Not the caller's fault and not a verdict on the signature: retrying later may help, and the
 * sign-in nonce stays unused. Shown with its message (see graphql/errors.ts maskInternalError).
 */
export class SignatureCheckUnavailableError extends GraphQLError {
  readonly retryable = true;
  constructor(chainId: number, cause: unknown) {
    super(
      `Sign-in could not be checked: the RPC node of chain ${chainId} did not answer the contract wallet's signature check. Retrying later may help; the nonce is still valid.`,
      {
        originalError: cause instanceof Error ? cause : undefined,
        extensions: { code: ErrorCode.InternalServerError, retryable: true },
      },
    );
  }
}
