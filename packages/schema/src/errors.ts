/** Stable error codes returned in GraphQL `extensions.code`. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
  /** The client spent its query-cost budget; retrying after `extensions.retryAfterMs` helps. */
  RateLimited: 'RATE_LIMITED',
  /** No credential where one is needed, or one that does not check out (HTTP 401). */
  Unauthenticated: 'UNAUTHENTICATED',
  /** The caller's credential may not do this, e.g. an API key without the scope. */
  Forbidden: 'FORBIDDEN',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
