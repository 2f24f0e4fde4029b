import { serverAudits, type AuditResult } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('graphql-http');
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const csrfMessage = /Cross-Site Request Forgery/;

/**
 * The audits that do not pass, on purpose. Each sends a GET without a header a browser form or
 * <img> could not send; Apollo's CSRF prevention refuses it with 400 so that no page on another
 * origin can make a visitor's browser run queries. A GET with `apollo-require-preflight` (or any
 * non-simple Content-Type) works: see "GET queries" below.
 */
const deliberate: Record<string, { status: 'notice'; httpStatus: number }> = {
  '5A70': { status: 'notice', httpStatus: 400 }, // MAY accept form-urlencoded GET requests
  D6D5: { status: 'notice', httpStatus: 400 }, // MAY allow {variables} in GETs, graphql-response+json
  '6A70': { status: 'notice', httpStatus: 400 }, // MAY allow {variables} in GETs, application/json
};

const audits = serverAudits({ url: () => harness.gateway.url });

describe('graphql-http server audits', () => {
  it('covers every audit graphql-http defines, each id once', () => {
    const ids = audits.map((audit) => audit.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(60);
    for (const id of Object.keys(deliberate)) expect(ids).toContain(id);
  });

  it.each(audits.map((audit) => [audit.id, audit.name, audit] as const))(
    '%s %s',
    async (id, _name, audit) => {
      const result: AuditResult = await audit.fn();
      const expected = deliberate[id];
      if (expected === undefined) {
        expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
        return;
      }
      expect(result.status).toBe(expected.status);
      if (result.status === 'ok') return;
      expect(result.response.status).toBe(expected.httpStatus);
      const body = (await result.response.json()) as { errors: { message: string }[] };
      expect(body.errors[0]?.message).toMatch(csrfMessage);
    },
  );
});

describe('GET queries', () => {
  const query = encodeURIComponent('query Type($name: String!) { __type(name: $name) { name } }');
  const variables = encodeURIComponent(JSON.stringify({ name: 'Trade' }));

  it('run with a header that forces a CORS preflight', async () => {
    const response = await fetch(`${harness.gateway.url}?query=${query}&variables=${variables}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(await response.json()).toEqual({ data: { __type: { name: 'Trade' } } });
  });

  it('are refused without one, saying why', async () => {
    const response = await fetch(`${harness.gateway.url}?query=${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toMatch(/apollo-require-preflight/);
  });
});

async function post(headers: Record<string, string>, body: string, method = 'POST') {
  const response = await fetch(harness.gateway.url, { method, headers, body });
  const json = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, headers: response.headers, json };
}

const typename = JSON.stringify({ query: '{ __typename }' });

describe('HTTP rules beyond the audits', () => {
  it.each(['PUT', 'DELETE', 'PATCH'])('answers %s with 405 and Allow', async (method) => {
    const response = await post({ 'content-type': 'application/json' }, typename, method);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(response.json.errors?.[0]?.message).toMatch(`method ${method} is not allowed`);
  });

  it.each([
    ['text/plain', /unsupported Content-Type "text\/plain"/],
    ['application/x-www-form-urlencoded', /must be application\/json/],
    ['application/graphql', /must be application\/json/],
    ['application/json; charset=iso-8859-1', /unsupported charset "iso-8859-1".*utf-8/],
  ])('answers a POST of %s with 415', async (contentType, message) => {
    const response = await post({ 'content-type': contentType }, typename);
    expect(response.status).toBe(415);
    expect(response.json.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(response.json.errors?.[0]?.message).toMatch(message);
  });

  it('reads an explicit utf-8 charset, in any case', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { note: 'é—✓' } });
    const response = await post({ 'content-type': 'application/json; charset="UTF-8"' }, body);
    expect(response).toMatchObject({ status: 200, json: { data: { __typename: 'Query' } } });
  });

  it('answers 200 with errors to an invalid document under application/json, 400 under graphql-response+json', async () => {
    const body = JSON.stringify({ query: '{ noSuchField }' });
    const legacy = await post(
      { 'content-type': 'application/json', accept: 'application/json' },
      body,
    );
    expect(legacy.status).toBe(200);
    expect(legacy.json.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const accept = 'application/graphql-response+json';
    const modern = await post({ 'content-type': 'application/json', accept }, body);
    expect(modern.status).toBe(400);
    expect(modern.json).not.toHaveProperty('data');
  });

  it('keeps 400 for a body that is not JSON, under either media type', async () => {
    const response = await post(
      { 'content-type': 'application/json', accept: 'application/json' },
      '{',
    );
    expect(response.status).toBe(400);
    expect(response.json.errors?.[0]?.message).toBe('request body is not valid JSON');
  });

  it('refuses a subscription over HTTP, pointing at graphql-ws', async () => {
    const query = 'subscription { tradesRetracted { chainId } }';
    const response = await post({ 'content-type': 'application/json' }, JSON.stringify({ query }));
    expect(response.status).toBe(400);
    expect(response.json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(response.json.errors?.[0]?.message).toMatch(/WebSocket \(graphql-ws/);
  });
});
