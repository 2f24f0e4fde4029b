import { describe, expect, it } from 'vitest';
import { HttpRequestError } from './http-error';
import { checkGraphQLRequest, parseMediaType } from './request-checks';

function refusal(method: string, contentType?: string): HttpRequestError | undefined {
  try {
    checkGraphQLRequest(method, contentType);
    return undefined;
  } catch (err) {
    if (err instanceof HttpRequestError) return err;
    throw err;
  }
}

describe('parseMediaType', () => {
  it('lower-cases the type and charset and drops quotes', () => {
    expect(parseMediaType(' Application/JSON ; Charset="UTF-8"')).toEqual({
      type: 'application/json',
      charset: 'utf-8',
    });
    expect(parseMediaType('application/json')).toEqual({
      type: 'application/json',
      charset: undefined,
    });
  });
});

describe('checkGraphQLRequest', () => {
  it.each([
    ['GET', undefined],
    ['GET', 'text/plain'],
    ['POST', 'application/json'],
    ['POST', 'application/json; charset=utf-8'],
    ['POST', 'application/json;charset=UTF8'],
  ])('lets %s with %s through', (method, contentType) => {
    expect(refusal(method, contentType)).toBeUndefined();
  });

  it('answers other methods with 405 and the allowed ones', () => {
    const error = refusal('DELETE', 'application/json');
    expect(error).toMatchObject({ status: 405, headers: { Allow: 'GET, POST, OPTIONS' } });
    expect(error?.message).toMatch(/method DELETE is not allowed/);
    expect(error?.retryable).toBe(false);
  });

  it.each([
    [undefined, /needs the header Content-Type: application\/json/],
    ['  ', /needs the header Content-Type/],
    ['text/plain', /unsupported Content-Type "text\/plain"/],
    ['application/jsonp', /unsupported Content-Type/],
    ['application/json; charset=latin1', /unsupported charset "latin1"/],
  ])('answers a POST with Content-Type %s with 415', (contentType, message) => {
    const error = refusal('POST', contentType);
    expect(error?.status).toBe(415);
    expect(error?.message).toMatch(message);
  });
});
