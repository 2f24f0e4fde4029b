import { createClient, type Client } from 'graphql-ws';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Topics } from '@tidemark/domain';
import trustedManifest from '@tidemark/schema/trusted-documents.json';
// The dashboard's own client code and documents, run as the dashboard runs them.
import * as dashboardDocuments from '../../web/src/features/all-documents';
import { CHAINS_QUERY } from '../../web/src/features/chains/documents';
import { chainsDataSchema } from '../../web/src/features/chains/schemas';
import {
  RECENT_TRADES_QUERY,
  TRADE_EXECUTED_SUBSCRIPTION,
} from '../../web/src/features/trades/documents';
import { recentTradesDataSchema } from '../../web/src/features/trades/schemas';
import { queryGateway } from '../../web/src/lib/api/http-client';
import { documentHash } from '../src/documents/document-id';
import { operationsOf } from '../src/documents/manifest-file';
import type { Gateway } from '../src/index';
import { eventually, startHarness, type Harness } from './support/harness';
import { IdentityClient } from './support/identity-client';
import { subscribeLive, type Received, type ReceivedErrors } from './support/live-client';
import { startGatewayWith } from './support/ws-gateway';
import { makeTrade, tradeId } from './support/trades';

let harness: Harness;
let trusted: Gateway;
/** A signed-in user and its API key (signed in on the gateway that runs any document). */
let user: IdentityClient;
let apiKey: string;
const clients: Client[] = [];
const seeded = [1, 2, 3].map((n) => makeTrade({ chainId: 1, timestamp: 1_700_000_000 + n }));
const chainsHash = documentHash(CHAINS_QUERY);
const ownQuery = '{ chains { id name } }';
const policyRefusal =
  "This gateway runs only trusted documents (GATEWAY_DOCUMENTS=trusted): send the documentId of one of the dashboard's operations, or authenticate with an API key (Authorization: Bearer <key>) to send your own query.";

beforeAll(async () => {
  harness = await startHarness('trusted-documents');
  await harness.oltp.upsertChain({ chainId: 1, name: 'ethereum' });
  await harness.oltp.setHead(1, 120);
  await harness.olap.insertTrades(seeded);
  trusted = await harness.startGateway({ documents: 'trusted' });
  user = new IdentityClient(harness.gateway.url, privateKeyToAccount(generatePrivateKey()));
  await user.signIn();
  apiKey = (await user.createApiKey()).secret;
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
  await harness?.close();
});

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

const ethereum = { id: 1, name: 'ethereum', head: 120, indexedBlock: null, lag: null };

describe("the dashboard's operations against a gateway running only trusted documents", () => {
  it('the manifest holds exactly the operations the dashboard sends (else: documents:generate)', () => {
    const operations = operationsOf(dashboardDocuments);
    expect(operations.map((operation) => operation.name)).toContain('TRADE_EXECUTED_SUBSCRIPTION');
    const hashes = operations.map((operation) => documentHash(operation.text));
    expect(Object.keys(trustedManifest).sort()).toEqual(hashes.sort());
  });

  it("answer the web app's HTTP client (which sends ids) with real data", async () => {
    const chains = await queryGateway({
      url: trusted.url,
      query: CHAINS_QUERY,
      schema: chainsDataSchema,
    });
    expect(chains.chains).toEqual([ethereum]);
    const recent = await queryGateway({
      url: trusted.url,
      query: RECENT_TRADES_QUERY,
      variables: { first: 100 },
      schema: recentTradesDataSchema,
    });
    const ids = recent.trades.edges.map((edge) => edge.node.id);
    expect(ids).toEqual([...seeded].reverse().map(tradeId));
  });

  it('fall back to the text when the manifest lacks them, which only `any` runs', async () => {
    const request = { query: CHAINS_QUERY, schema: chainsDataSchema };
    const stale = await startGatewayWith(harness, { trustedDocuments: new Map() });
    const staleTrusted = await startGatewayWith(harness, {
      trustedDocuments: new Map(),
      config: { documents: 'trusted' },
    });
    try {
      expect(await queryGateway({ ...request, url: stale.url })).toEqual({ chains: [ethereum] });
      await expect(queryGateway({ ...request, url: staleTrusted.url })).rejects.toThrow(
        `gateway error: ${policyRefusal}`,
      );
    } finally {
      await Promise.all([stale.stop(), staleTrusted.stop()]);
    }
  });

  it("push live trades to the dashboard's subscription", async () => {
    const received = subscribeLive(
      clients,
      trusted.wsUrl,
      { query: TRADE_EXECUTED_SUBSCRIPTION },
      'tradeExecuted',
    );
    const sent = new Set<string>();
    await eventually('a live trade through the trusted gateway', async () => {
      const trade = makeTrade({ chainId: 1 });
      sent.add(tradeId(trade));
      await harness.bus.publish(Topics.chainEvents, [trade]);
      return received.pushes.length > 0;
    });
    expect(received.errors).toEqual([]);
    expect(sent.has(received.pushes[0]?.id as string)).toBe(true);
  });
});

describe('naming a document by id', () => {
  it.each([
    ['documentId sha256:<hex>', { documentId: `sha256:${chainsHash}` }],
    ['a bare hex documentId', { documentId: chainsHash }],
    [
      "Apollo's persistedQuery extension",
      { extensions: { persistedQuery: { version: 1, sha256Hash: chainsHash } } },
    ],
  ])('POST with %s runs the trusted text', async (_name, body) => {
    const answer = await post(trusted.url, body);
    expect(answer).toEqual({ status: 200, body: { data: { chains: [ethereum] } } });
  });

  it('GET with a documentId runs it too', async () => {
    const response = await fetch(`${trusted.url}?documentId=sha256:${chainsHash}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { chains: [ethereum] } });
  });

  it('an unknown id answers 400 PersistedQueryNotFound in either mode, and is never learned', async () => {
    const hash = documentHash(ownQuery);
    // An Apollo-style client's retry: the text with its hash runs where the policy allows it...
    const registered = await post(harness.gateway.url, {
      query: ownQuery,
      extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
    });
    expect(registered.body.data).toEqual({ chains: [{ id: 1, name: 'ethereum' }] });
    // ...but the gateway stores nothing: the id alone is still unknown.
    for (const url of [harness.gateway.url, trusted.url]) {
      const answer = await post(url, { documentId: hash });
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.body.errors).toEqual([
        {
          message: `PersistedQueryNotFound: no trusted document has the id sha256:${hash}. The gateway runs only the ids of its manifest and never guesses: send the query text instead, or regenerate the manifest if this is one of the dashboard's own operations.`,
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ]);
    }
  });

  it('a malformed id answers 400 saying the expected form', async () => {
    const answer = await post(trusted.url, { documentId: 'chains' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toBe(
      'documentId must be "sha256:" and 64 hex digits, or the 64 hex digits alone (got "chains").',
    );
  });
});

describe('GATEWAY_DOCUMENTS=trusted', () => {
  it('refuses a query outside the manifest with 400 naming the policy, running nothing', async () => {
    const answer = await post(trusted.url, { query: ownQuery });
    expect(answer).toEqual({
      status: 400,
      body: { errors: [{ message: policyRefusal, extensions: { code: 'BAD_USER_INPUT' } }] },
    });
  });

  it('runs the text of a trusted document: it is the same document', async () => {
    const answer = await post(trusted.url, { query: CHAINS_QUERY });
    expect(answer.body).toEqual({ data: { chains: [ethereum] } });
  });

  it('runs any query of a caller with an API key, and no other text of a signed-in user', async () => {
    const answer = await post(
      trusted.url,
      { query: ownQuery },
      { authorization: `Bearer ${apiKey}` },
    );
    expect(answer).toEqual({
      status: 200,
      body: { data: { chains: [{ id: 1, name: 'ethereum' }] } },
    });
    const session = await post(trusted.url, { query: ownQuery }, { cookie: user.cookie! });
    expect(session.status).toBe(400);
    expect(session.body.errors?.[0]?.message).toBe(policyRefusal);
    // A key that does not check out is refused as such, before any policy.
    const unknown = await post(
      trusted.url,
      { query: ownQuery },
      { authorization: 'Bearer tdm_nope' },
    );
    expect(unknown.status).toBe(401);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps the REST view working: its operations are the gateway’s own', async () => {
    const response = await fetch(new URL('/rest/chains', trusted.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject([{ id: 1, name: 'ethereum', head: 120 }]);
  });
});

describe('GATEWAY_DOCUMENTS=any (the development default)', () => {
  it('runs any query, and ids of the manifest', async () => {
    expect((await post(harness.gateway.url, { query: ownQuery })).status).toBe(200);
    const byId = await post(harness.gateway.url, { documentId: `sha256:${chainsHash}` });
    expect(byId.body).toEqual({ data: { chains: [ethereum] } });
  });
});

/** Subscribes over graphql-ws with the given connection_init payload; collects `tradeExecuted`. */
function subscribeWith(
  request: { query: string; extensions?: Record<string, unknown> },
  connectionParams?: Record<string, unknown>,
): Received {
  const options = { url: trusted.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 };
  const client = createClient({ ...options, connectionParams });
  clients.push(client);
  const received: Received = { pushes: [], errors: [] };
  client.subscribe<{ tradeExecuted?: Record<string, unknown> }>(request, {
    next: (result) => {
      if (result.data?.tradeExecuted) received.pushes.push(result.data.tradeExecuted);
      received.errors.push(...((result.errors ?? []) as ReceivedErrors));
    },
    error: (error) => received.errors.push(...(error as ReceivedErrors)),
    complete: () => undefined,
  });
  return received;
}

async function expectLiveTrade(received: Received): Promise<void> {
  await eventually('a live trade', async () => {
    await harness.bus.publish(Topics.chainEvents, [makeTrade({ chainId: 1 })]);
    return received.pushes.length > 0 || received.errors.length > 0;
  });
  expect(received.errors).toEqual([]);
  expect(received.pushes[0]).toMatchObject({ chainId: 1 });
}

describe('GATEWAY_DOCUMENTS=trusted over graphql-ws', () => {
  it('runs a subscription named by id (graphql-ws needs a query string: an empty one)', async () => {
    const sha256Hash = documentHash(TRADE_EXECUTED_SUBSCRIPTION);
    const received = subscribeWith({
      query: '',
      extensions: { persistedQuery: { version: 1, sha256Hash } },
    });
    await expectLiveTrade(received);
  });

  it('answers another subscription with the policy error', async () => {
    const received = subscribeWith({ query: 'subscription { tradeExecuted { id chainId } }' });
    await eventually('the refusal', () => received.errors.length > 0);
    expect(received.errors).toEqual([
      { message: policyRefusal, extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(received.pushes).toEqual([]);
  });

  it('runs any subscription of a connection authenticated with an API key', async () => {
    const params = { authorization: `Bearer ${apiKey}` };
    const received = subscribeWith(
      { query: 'subscription { tradeExecuted { id chainId } }' },
      params,
    );
    await expectLiveTrade(received);
  });
});
