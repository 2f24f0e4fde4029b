/** Stable error codes returned in GraphQL `extensions.code`. */
export const ErrorCode = {
  BadUserInput: 'BAD_USER_INPUT',
  NotFound: 'NOT_FOUND',
  InternalServerError: 'INTERNAL_SERVER_ERROR',
  /** The client spent its query-cost budget; retrying after `extensions.retryAfterMs` helps. */
  RateLimited: 'RATE_LIMITED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
