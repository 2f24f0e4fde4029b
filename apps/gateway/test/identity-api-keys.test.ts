import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../src/index';
import { eventually, startHarness, type Harness } from './support/harness';
import { codeOf, IdentityClient } from './support/identity-client';
import { startLimitedGateway } from './support/limited-gateway';
import { openRawSocket, type RawSocket } from './support/ws-frames';

const keysQuery =
  '{ viewer { authenticatedBy apiKeys(first: 10) { edges { node { id name prefix scopes createdAt lastUsedAt revokedAt } } pageInfo { hasNextPage } } } }';
const revokeMutation = 'mutation ($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } } }';

let harness: Harness;
const gateways: Gateway[] = [];
const newClient = (url = harness.gateway.url) =>
  new IdentityClient(url, privateKeyToAccount(generatePrivateKey()));

beforeAll(async () => {
  harness = await startHarness('identity-api-keys');
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await harness?.close();
});

interface KeyNode {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  lastUsedAt: number | null;
  revokedAt: number | null;
}
type KeysAnswer = {
  viewer: { authenticatedBy: string; apiKeys: { edges: { node: KeyNode }[] } };
};

describe('API keys', () => {
  it('shows the secret once, lists keys without it and authenticates with Bearer', async () => {
    const client = newClient();
    await client.signIn();
    const { id, secret } = await client.createApiKey(['READ', 'ALERTS_WRITE'], 'ci');
    expect(secret).toMatch(/^tmk_[A-Za-z0-9_-]{43}$/);
    const listed = await client.post<KeysAnswer>(keysQuery);
    const [node] = listed.data!.viewer.apiKeys.edges.map((edge) => edge.node);
    expect(node).toMatchObject({
      id,
      name: 'ci',
      prefix: secret.slice(0, 8),
      scopes: ['READ', 'ALERTS_WRITE'],
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(listed.data)).not.toContain(secret.slice(8));
    const asKey = await client.post<KeysAnswer>(keysQuery, undefined, { bearer: secret });
    expect(asKey.data!.viewer.authenticatedBy).toBe('API_KEY');
    await eventually('lastUsedAt to be recorded', async () => {
      const again = await client.post<KeysAnswer>(keysQuery);
      return again.data!.viewer.apiKeys.edges[0]!.node.lastUsedAt !== null;
    });
  });

  it('answers 401 with WWW-Authenticate to an unknown, malformed or revoked key, never anonymity', async () => {
    const client = newClient();
    await client.signIn();
    const { id, secret } = await client.createApiKey();
    const revoked = await client.post<{ revokeApiKey: { apiKey: KeyNode } }>(revokeMutation, {
      id,
    });
    expect(revoked.data!.revokeApiKey.apiKey.revokedAt).toEqual(expect.any(Number));
    const unknown = `tmk_${'A'.repeat(43)}`;
    for (const bearer of [secret, unknown, 'not-a-key']) {
      const refused = await client.post('{ chains { id } }', undefined, { bearer });
      expect(refused.status).toBe(401);
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
      expect(refused.headers.get('www-authenticate')).toBe(
        'Bearer realm="tidemark", error="invalid_token"',
      );
      expect(refused.data).toBeUndefined();
    }
    const basic = await fetch(client.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: '{ chains { id } }' }),
    });
    expect(basic.status).toBe(401);
    const rest = await fetch(new URL('/rest/chains', client.url), {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(rest.status).toBe(401);
  });

  it('refuses reads over graphql-ws to a key without READ, and keeps the connection open', async () => {
    const client = newClient();
    await client.signIn();
    const writeOnly = (await client.createApiKey(['ALERTS_WRITE'])).secret;
    const socket: RawSocket = await openRawSocket(harness.gateway.wsUrl);
    try {
      socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${writeOnly}` } });
      expect((await socket.next()).type).toBe('connection_ack');
      for (const [id, query] of [
        ['q', '{ chains { id } }'],
        ['s', 'subscription { tradeExecuted { id } }'],
      ]) {
        socket.send({ id, type: 'subscribe', payload: { query } });
        const refusal = await socket.next();
        expect(refusal).toMatchObject({ id, type: 'error' });
        const [error] = refusal.payload as { message: string; extensions: { code: string } }[];
        expect(error!.extensions.code).toBe('FORBIDDEN');
        expect(error!.message).toContain('lacks the READ scope');
      }
      socket.send({ type: 'ping' });
      expect((await socket.next()).type).toBe('pong');
    } finally {
      socket.close();
    }
  });

  it('answers FORBIDDEN to a key without the needed scope, and to key management with a key', async () => {
    const client = newClient();
    await client.signIn();
    const writeOnly = (await client.createApiKey(['ALERTS_WRITE'])).secret;
    const readOnly = (await client.createApiKey(['READ'])).secret;
    const query = await client.post('{ chains { id } }', undefined, { bearer: writeOnly });
    expect(query.status).toBe(403);
    expect(codeOf(query)).toBe('FORBIDDEN');
    expect(query.errors![0]!.message).toContain('lacks the READ scope');
    const rest = await fetch(new URL('/rest/chains', client.url), {
      headers: { authorization: `Bearer ${writeOnly}` },
    });
    expect(rest.status).toBe(403);
    const allowed = await fetch(new URL('/rest/chains', client.url), {
      headers: { authorization: `Bearer ${readOnly}` },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual([]);
    expect((await client.post('{ chains { id } }', undefined, { bearer: readOnly })).data).toEqual({
      chains: [],
    });
    const add = await client.post(
      'mutation { addWatchlistEntry(input: { kind: POOL, chainId: 1, address: "0x00000000000000000000000000000000000000aa" }) { entry { id } } }',
      undefined,
      { bearer: readOnly },
    );
    expect(codeOf(add)).toBe('FORBIDDEN');
    expect(add.errors![0]!.message).toContain('lacks the ALERTS_WRITE scope');
    const create = await client.post(
      'mutation { createApiKey(input: { name: "x", scopes: [READ] }) { secret } }',
      undefined,
      { bearer: readOnly },
    );
    expect(codeOf(create)).toBe('FORBIDDEN');
    expect(create.errors![0]!.message).toContain('needs a wallet session');
  });

  it('refuses key management without a session: UNAUTHENTICATED', async () => {
    const client = newClient();
    const create = await client.post(
      'mutation { createApiKey(input: { name: "x", scopes: [READ] }) { secret } }',
    );
    expect(codeOf(create)).toBe('UNAUTHENTICATED');
    const empty = newClient();
    await empty.signIn();
    const noScopes = await empty.post(
      'mutation { createApiKey(input: { name: "x", scopes: [] }) { secret } }',
    );
    expect(codeOf(noScopes)).toBe('BAD_USER_INPUT');
  });
});

describe('the list of keys', () => {
  it('pages forward and backward as a Relay connection', async () => {
    const client = newClient();
    await client.signIn();
    const ids = [];
    for (const name of ['k1', 'k2', 'k3']) ids.push((await client.createApiKey(['READ'], name)).id);
    const page = (args: string) =>
      client
        .post<{
          viewer: {
            apiKeys: {
              edges: { node: { id: string } }[];
              pageInfo: {
                hasNextPage: boolean;
                hasPreviousPage: boolean;
                endCursor: string;
                startCursor: string;
              };
            };
          };
        }>(
          `{ viewer { apiKeys(${args}) { edges { node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`,
        )
        .then((answer) => answer.data!.viewer.apiKeys);
    const first = await page('first: 2');
    expect(first.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 2));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = await page(`first: 2, after: "${first.pageInfo.endCursor}"`);
    expect(rest.edges.map((edge) => edge.node.id)).toEqual([ids[2]]);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const last = await page('last: 1');
    expect(last.edges.map((edge) => edge.node.id)).toEqual([ids[2]]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await page(`last: 5, before: "${last.pageInfo.startCursor}"`);
    expect(before.edges.map((edge) => edge.node.id)).toEqual(ids.slice(0, 2));
    const foreign = await client.post(
      '{ viewer { apiKeys(after: "bm90LW91cnM") { edges { cursor } } } }',
    );
    expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
  });
});

describe('rate limiting per API key', () => {
  it('charges a request with a key to the key, not to the address it comes from', async () => {
    const limited = await startLimitedGateway(harness, { costPerSecond: 1, burst: 200 });
    gateways.push(limited.gateway);
    const client = newClient(limited.gateway.url);
    await client.signIn();
    const first = (await client.createApiKey()).secret;
    const second = (await client.createApiKey()).secret;
    // `{ chains { id } }` costs 11: 18 fit a fresh bucket of 200.
    const servedUntilRefused = async (bearer?: string) => {
      for (let served = 0; served < 100; served += 1) {
        const answer = await client.post('{ chains { id } }', undefined, { bearer, cookie: null });
        if (answer.status === 429) return served;
        expect(answer.status).toBe(200);
      }
      throw new Error('never refused');
    };
    expect(await servedUntilRefused(first)).toBe(18);
    // The other key and the address (anonymous) still have their own budgets.
    expect(await servedUntilRefused(second)).toBe(18);
    const anonymous = await client.post('{ chains { id } }', undefined, { cookie: null });
    expect(anonymous.status).toBe(200);
  });
});
