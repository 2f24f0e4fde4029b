import { describe, expect, it } from 'vitest';
import { graphqlResponseStatus } from './response-status';

const json = 'application/json; charset=utf-8';
const modern = 'application/graphql-response+json; charset=utf-8';
const errors = (...codes: string[]) =>
  JSON.stringify({ errors: codes.map((code) => ({ message: 'x', extensions: { code } })) });

describe('graphqlResponseStatus', () => {
  it.each([
    'GRAPHQL_PARSE_FAILED',
    'GRAPHQL_VALIDATION_FAILED',
    'BAD_USER_INPUT',
    'OPERATION_RESOLUTION_FAILURE',
  ])('turns a 400 of %s into 200 under application/json', (code) => {
    expect(graphqlResponseStatus(400, json, errors(code))).toBe(200);
  });

  it('keeps the 400 under application/graphql-response+json', () => {
    expect(graphqlResponseStatus(400, modern, errors('GRAPHQL_PARSE_FAILED'))).toBe(400);
  });

  it.each([
    ['a malformed request', errors('BAD_REQUEST')],
    ['a mix with a malformed request', errors('GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST')],
    ['a body with data', JSON.stringify({ data: null, errors: [{ message: 'x' }] })],
    ['no errors', JSON.stringify({ errors: [] })],
    ['a body that is not JSON', 'oops'],
  ])('keeps the 400 of %s', (_name, body) => {
    expect(graphqlResponseStatus(400, json, body)).toBe(400);
  });

  it('leaves every other status alone', () => {
    expect(graphqlResponseStatus(405, json, errors('GRAPHQL_VALIDATION_FAILED'))).toBe(405);
    expect(graphqlResponseStatus(200, json, '{"data":{}}')).toBe(200);
  });
});
