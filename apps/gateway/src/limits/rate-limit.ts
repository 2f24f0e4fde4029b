import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { ErrorCode } from '@tidemark/schema';
import type { Viewer } from '../auth/viewer';
import type { RateLimitSettings } from '../config';
import { CostRateLimiter, type RateLimitSubject } from './cost-rate-limiter';

/** Subjects tracked at most (~100 bytes each); far above the clients of one refill period. */
const maxSubjects = 100_000;

/** The `Retry-After` header value for a wait: whole seconds, rounded up. */
export const retryAfterHeader = (retryAfterMs: number): string =>
  String(Math.ceil(retryAfterMs / 1000));

/** An operation refused because its client spent its budget; retrying after the hint helps. */
export class RateLimitedError extends GraphQLError {
  readonly retryable = true;
  constructor(
    readonly retryAfterMs: number,
    cost: number,
  ) {
    super(
      `Rate limit exceeded: this operation costs ${cost} and this client's budget is spent. ` +
        `Retry in ${retryAfterHeader(retryAfterMs)} s (${retryAfterMs} ms): retrying then can help, and cheaper ` +
        'operations (a smaller `first`, fewer fields) spend less of the budget.',
      { extensions: { code: ErrorCode.RateLimited, retryAfterMs, retryable: true } },
    );
  }
}

/** The per-client cost budget every GraphQL operation is charged against. */
export interface RateLimit {
  /** Spends `cost` of `subject`'s budget; undefined when the operation may run. */
  charge(subject: RateLimitSubject, cost: number): RateLimitedError | undefined;
}

/** The subject of a client known only by its address. */
const ipSubject = (address: string): RateLimitSubject => `ip:${address}`;

/**
 * Whose budget an operation spends: its API key's (`key:<id>`, wherever the key is used from),
 * else its client address's (anonymous callers and sessions).
 */
export const rateLimitSubjectOf = (
  viewer: Viewer | undefined,
  address: string,
): RateLimitSubject =>
  viewer?.kind === 'user' && viewer.via === 'apiKey'
    ? `key:${viewer.apiKeyId}`
    : ipSubject(address);

/**
 * The gateway's rate limit, or undefined when `costPerSecond` is 0 (off). `clockMs` is
 * milliseconds; tests move it instead of waiting.
 */
export function createRateLimit(
  settings: RateLimitSettings,
  clockMs: () => number,
  logger: Logger,
): RateLimit | undefined {
  if (settings.costPerSecond === 0) return undefined;
  const limiter = new CostRateLimiter({
    costPerSecond: settings.costPerSecond,
    burst: settings.burst,
    maxSubjects,
  });
  return {
    charge(subject, cost) {
      const result = limiter.take(subject, cost, clockMs());
      if (result.ok) return undefined;
      logger.debug(
        { event: 'gateway.rate_limited', subject, cost, retryAfterMs: result.retryAfterMs },
        'operation refused by the rate limit',
      );
      return new RateLimitedError(result.retryAfterMs, cost);
    },
  };
}
