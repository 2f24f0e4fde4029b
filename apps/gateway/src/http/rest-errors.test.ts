import { GraphQLError } from 'graphql';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@tidemark/schema';
import { badUserInput } from '../graphql/server/errors';
import { RateLimitedError } from '../limits/rate-limit';
import { restErrorAnswer } from './rest-errors';

function setup(production = false) {
  const logs: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug' },
    { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const hideSuggestions = (message: string) =>
    production ? message.replace(/ ?Did you mean .*\?$/, '') : message;
  return { logs, deps: { logger, hideSuggestions } };
}

describe('restErrorAnswer', () => {
  it('masks an unexpected failure and logs it under the error id it answers', () => {
    const { logs, deps } = setup();
    const located = new GraphQLError('connection refused to 10.0.0.7', {
      path: ['chains'],
      originalError: new Error('connection refused to 10.0.0.7'),
    });
    const answer = restErrorAnswer(deps, [located]);
    expect(answer.status).toBe(500);
    const [error] = answer.body.errors;
    expect(error?.message).toMatch(/^Internal server error \(error id [0-9a-f-]{36}\)$/);
    expect(JSON.stringify(answer.body)).not.toContain('10.0.0.7');
    expect(error?.extensions).toEqual({
      code: ErrorCode.InternalServerError,
      errorId: expect.any(String) as string,
    });
    const logged = logs.find((line) => line.event === 'graphql.internal_error');
    expect(logged?.errorId).toBe(error?.extensions?.errorId);
    expect(restErrorAnswer(deps, [new TypeError('boom')]).status).toBe(500);
  });

  it("keeps the caller's mistakes, as 400 BAD_USER_INPUT, without suggestions in production", () => {
    const { deps } = setup(true);
    // sofa-api's refusal of a query parameter it cannot read: no code, HTTP 400.
    const sofa = new GraphQLError('Int cannot represent non-integer value: "x"', {
      extensions: { http: { status: 400 } },
    });
    const enumValue = badUserInput(
      'Value "M7" does not exist in "CandleInterval" enum. Did you mean the enum value "M1"?',
    );
    const answer = restErrorAnswer(deps, [sofa, enumValue]);
    expect(answer).toEqual({
      status: 400,
      headers: {},
      body: {
        errors: [
          { message: sofa.message, extensions: { code: ErrorCode.BadUserInput } },
          {
            message: 'Value "M7" does not exist in "CandleInterval" enum.',
            extensions: { code: ErrorCode.BadUserInput },
          },
        ],
      },
    });
  });

  it('answers a rate-limit refusal 429 with Retry-After in whole seconds', () => {
    const { deps } = setup();
    const answer = restErrorAnswer(deps, [new RateLimitedError(2_100, 61)]);
    expect(answer.status).toBe(429);
    expect(answer.headers).toEqual({ 'Retry-After': '3' });
    expect(answer.body.errors[0]?.extensions).toEqual({
      code: ErrorCode.RateLimited,
      retryAfterMs: 2_100,
      retryable: true,
    });
  });
});
