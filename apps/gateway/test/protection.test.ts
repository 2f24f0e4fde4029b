import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CHAINS_QUERY } from '../../web/src/features/chains/documents';
import { RECENT_TRADES_QUERY } from '../../web/src/features/trades/documents';
import { createGateway, parseGatewayConfig, type Gateway } from '../src/index';
import { graphql, startHarness, type GraphQLResponse, type Harness } from './support/harness';

type Errors = NonNullable<GraphQLResponse['errors']>;

let harness: Harness;
let production: Gateway;
const clients: Client[] = [];

beforeAll(async () => {
  harness = await startHarness('protection');
  production = await harness.startGateway({ environment: 'production' });
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
  await harness?.close();
});

/** One operation over graphql-ws; resolves with its first result or its errors. */
function overWebSocket(wsUrl: string, query: string): Promise<GraphQLResponse> {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
  clients.push(client);
  return new Promise((resolve) => {
    const unsubscribe = client.subscribe(
      { query },
      {
        next: (result) => {
          unsubscribe();
          resolve({ status: 0, ...(result as Omit<GraphQLResponse, 'status'>) });
        },
        error: (error) =>
          resolve({
            status: 0,
            errors: Array.isArray(error) ? (error as Errors) : [{ message: String(error) }],
          }),
        complete: () => undefined,
      },
    );
  });
}

const pool = '"0x00000000000000000000000000000000000000a1"';
const candleFields =
  'time openUsd highUsd lowUsd closeUsd open high low close volumeUsd baseVolume quoteVolume trades buys sells uniqueTraders';
const candles = (alias: string) =>
  `${alias}: candles(chainId: 1, pool: ${pool}, interval: M1, first: 1000) { edges { node { ${candleFields} } } }`;
// Each `... on Chain` level counts one: 14 of them under chains make depth 16.
const nested = (levels: number): string =>
  levels === 0 ? 'id' : `... on Chain { ${nested(levels - 1)} }`;

const refused: [string, string, RegExp][] = [
  [
    'a deep query',
    `{ chains { ${nested(14)} } }`,
    /^Query depth limit of 12 exceeded, found 16\.$/,
  ],
  [
    'many aliases',
    `{ ${Array.from({ length: 31 }, (_, i) => `c${i}: chains { id }`).join(' ')} }`,
    /^Aliases limit of 30 exceeded, found 31\.$/,
  ],
  [
    'a huge token count',
    `{ chains { ${'id '.repeat(2100)}} }`,
    /^Query token limit of 2000 exceeded\.$/,
  ],
  [
    'an expensive query',
    `{ ${['a', 'b', 'c', 'd'].map(candles).join(' ')} }`,
    /^Query Cost limit of 200000 exceeded, found 254000\.$/,
  ],
  [
    'many directives',
    `{ chains { ${'id @include(if: true) '.repeat(51)}} }`,
    /^Directives limit of 50 exceeded, found 51\.$/,
  ],
];

/** No data, one error with the limit's message and BAD_USER_INPUT. */
function expectRefused(response: { data?: unknown; errors?: unknown }, message: RegExp): void {
  expect(response.data ?? undefined).toBeUndefined();
  expect(response.errors).toEqual([
    expect.objectContaining({
      message: expect.stringMatching(message) as string,
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) as object,
    }),
  ]);
}

describe('query limits', () => {
  it.each(refused)('refuse %s over HTTP with BAD_USER_INPUT', async (_, query, message) => {
    // The HTTP status is the GraphQL-over-HTTP handler's choice (src/http); the code is ours.
    const response = await graphql(harness.gateway.url, query);
    expectRefused(response, message);
  });

  it.each(refused)('refuse %s over graphql-ws with BAD_USER_INPUT', async (_, query, message) => {
    const response = await overWebSocket(harness.gateway.wsUrl, query);
    expectRefused(response, message);
  });

  it('refuse a too-deep subscription over graphql-ws', async () => {
    const deep = (levels: number): string =>
      levels === 0 ? 'id' : `... on Trade { ${deep(levels - 1)} }`;
    const response = await overWebSocket(
      harness.gateway.wsUrl,
      `subscription { tradeExecuted { ${deep(12)} } }`,
    );
    expect(response.errors).toEqual([
      expect.objectContaining({
        message: 'Query depth limit of 12 exceeded, found 14.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) as object,
      }),
    ]);
  });

  it("let the web app's queries and every list at its largest page through", async () => {
    const recent = await graphql(harness.gateway.url, RECENT_TRADES_QUERY, { first: 100 });
    expect(recent.errors).toBeUndefined();
    expect(recent.data).toEqual({ trades: { edges: [] } });
    const chains = await overWebSocket(harness.gateway.wsUrl, CHAINS_QUERY);
    expect(chains).toEqual({ status: 0, data: { chains: [] } });
    const response = await graphql(harness.gateway.url, dashboard);
    expect(response.errors).toBeUndefined();
    expect(response.data).toMatchObject({ candles: { edges: [] }, trades: { edges: [] } });
  });

  it('keeps the default cost limit at least twice the largest such query', async () => {
    const limits = parseGatewayConfig({}).limits;
    const half = await harness.startGateway({ limits: { ...limits, maxCost: limits.maxCost / 2 } });
    const tight = await harness.startGateway({ limits: { ...limits, maxCost: 92_000 } });
    try {
      expect((await graphql(half.url, dashboard)).errors).toBeUndefined();
      const refused = await graphql(tight.url, dashboard);
      expect(refused.errors?.[0]?.message).toBe(
        'Query Cost limit of 92000 exceeded, found 92731.25.',
      );
    } finally {
      await Promise.all([half.stop(), tight.stop()]);
    }
  });
});

// The largest query docs/api/limits.md promises through: candles, trades, pools and a leaderboard, each
// at its maximum page (graphql-armor's cost 92,731.25).
const dashboard = `{
  ${candles('candles')}
  trades(first: 100) { edges { cursor node { id chainId blockNumber blockHash txHash logIndex
    timestamp protocol pool trader tokenIn tokenOut amountIn amountOut sqrtPriceX96 liquidity
    tick gasUsed effectiveGasPrice status baseToken quoteToken side priceUsd volumeUsd feeUsd
    gasFeeUsd } } pageInfo { hasNextPage endCursor } }
  pools(first: 100) { edges { cursor node { chainId address stats { volume24hUsd trades24h
    buys24h sells24h priceUsd liquidityUsd priceChange { m5 h1 h6 h24 } } } }
    pageInfo { hasNextPage endCursor } }
  leaderboard(window: D7, orderBy: { field: VOLUME, direction: DESC }, first: 100) { edges { cursor node { rank address
    totals { window volumeUsd feesUsd gasFeesUsd realizedPnlUsd trades closes wins winRate } } }
    pageInfo { hasNextPage endCursor } }
}`;

const introspection = '{ __schema { queryType { name } } }';
const typo = '{ chainz { id } }';

describe('development and production', () => {
  it('allow introspection and suggestions in development', async () => {
    for (const send of [graphql, overWebSocket]) {
      const gateway = harness.gateway;
      const schema = await send(send === graphql ? gateway.url : gateway.wsUrl, introspection);
      expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const suggested = await send(send === graphql ? gateway.url : gateway.wsUrl, typo);
      expect(suggested.errors?.[0]?.message).toMatch(/Did you mean "chains"/);
    }
  });

  it('refuse introspection and hide suggestions in production', async () => {
    for (const url of [production.url, production.wsUrl]) {
      const send = url.startsWith('ws') ? overWebSocket : graphql;
      const schema = await send(url, introspection);
      expect(schema.data ?? undefined).toBeUndefined();
      expect(schema.errors).toEqual([
        expect.objectContaining({
          message: 'GraphQL introspection is disabled on this server.',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) as object,
        }),
      ]);
      const suggested = await send(url, typo);
      expect(suggested.errors?.[0]?.message).toBe('Cannot query field "chainz" on type "Query".');
    }
  });

  it('serve the sandbox landing page in development only', async () => {
    const page = (url: string) => fetch(url, { headers: { accept: 'text/html' } });
    const development = await page(harness.gateway.url);
    expect(development.status).toBe(200);
    expect(await development.text()).toMatch(/sandbox/i);
    const disabled = await page(production.url);
    expect(disabled.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});

describe('request timeout', () => {
  it('answers a request whose resolver is stuck with a retryable error', async () => {
    let release: (() => void) | undefined;
    const stuck = new Promise<never[]>((resolve) => {
      release = () => resolve([]);
    });
    // The chains resolver waits on a promise the test holds; every other store call is real.
    const oltp = new Proxy(harness.oltp, {
      get: (target, property, receiver) =>
        property === 'listChains'
          ? () => stuck
          : (Reflect.get(target, property, receiver) as unknown),
    });
    const gateway = await createGateway({
      config: { ...parseGatewayConfig({ GATEWAY_PORT: '0' }), requestTimeoutMs: 200 },
      oltp,
      olap: harness.olap,
      analytics: harness.analytics,
      bus: harness.bus,
      logger: harness.logger,
    });
    try {
      const response = await graphql(gateway.url, '{ chains { id } }');
      expect(response.status).toBe(503);
      const [error] = response.errors ?? [];
      expect(error?.message).toMatch(/^The operation did not finish within 200 ms; retrying/);
      expect(error?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', retryable: true });
      const logged = harness.logs.find((line) => line.event === 'graphql.request_timeout');
      expect(logged).toMatchObject({ errorId: error?.extensions?.errorId, timeoutMs: 200 });
      release?.();
      const fast = await graphql(gateway.url, '{ __typename }');
      expect(fast.data).toEqual({ __typename: 'Query' });
    } finally {
      release?.();
      await gateway.stop();
    }
  });
});
