import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@tidemark/schema';
import { parseGatewayConfig, type Gateway } from '../src/index';
import { HOUR } from './support/analytics';
import { graphql, startHarness, type Harness } from './support/harness';
import { startLimitedGateway } from './support/limited-gateway';
import { P1, T0, W1, seedMarket } from './support/market-fixtures';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

let harness: Harness;
const gateways: Gateway[] = [];

beforeAll(async () => {
  harness = await startHarness('rest-view');
  await seedMarket(harness);
  await harness.oltp.upsertChain({ chainId: 1, name: 'ethereum' });
  await harness.oltp.setHead(1, 120);
  await harness.oltp.setIndexedBlock(1, 110);
  await harness.oltp.setFinalizedBlock(1, 103);
  await harness.oltp.upsertChain({ chainId: 2, name: 'other' });
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await harness?.close();
});

type Json = Record<string, unknown>;
interface RestAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
}
interface ErrorBody {
  errors: { message: string; extensions?: Json }[];
}

/** The REST base URL of a gateway: its GraphQL URL with /rest in place of /graphql. */
const restUrl = (gateway: Gateway, path: string) => gateway.url.replace(/\/graphql$/, path);

async function rest<T = unknown>(
  path: string,
  init: RequestInit = {},
  gateway = harness.gateway,
): Promise<RestAnswer<T>> {
  const response = await fetch(restUrl(gateway, path), init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

/** The query parameter for one value; objects (input types) travel as JSON. */
const query = (params: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(params).map(([key, value]) => [
      key,
      typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  ).toString();

async function graphqlData<T>(text: string, variables?: Json): Promise<T> {
  const result = await graphql<T>(harness.gateway.url, text, variables);
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3 with one GET route per query field and their parameters', async () => {
    const { status, headers, body } = await rest<Json>('/rest/openapi.json');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(body.info).toMatchObject({ title: 'Tidemark API', version });
    const paths = body.paths as Record<string, Record<string, Json>>;
    // Queries only: no subscription (webhook) routes, no other method.
    // Other areas (identity) add their own query routes; these are the market and wallet ones.
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        '/candles',
        '/chains',
        '/leaderboard',
        '/pool',
        '/pools',
        '/trades',
        '/wallet',
      ]),
    );
    expect(
      Object.keys(paths).filter((path) => /trade-executed|updated|retracted/.test(path)),
    ).toEqual([]);
    for (const route of Object.values(paths)) expect(Object.keys(route)).toEqual(['get']);
    const parameters = (route: string) =>
      (paths[route]!.get!.parameters as { name: string; required: boolean; in: string }[]).map(
        (p) => `${p.in}:${p.name}${p.required ? '!' : ''}`,
      );
    expect(parameters('/candles')).toEqual([
      'query:chainId!',
      'query:pool!',
      'query:interval!',
      'query:filter',
      'query:first',
      'query:after',
      'query:last',
      'query:before',
    ]);
    expect(parameters('/pool')).toEqual(['query:chainId!', 'query:address!']);
    expect(parameters('/trades')).toEqual([
      'query:filter',
      'query:orderBy',
      'query:first',
      'query:after',
      'query:last',
      'query:before',
    ]);
    // A nested field's required arguments would make them required for the whole route.
    expect(parameters('/wallet')).toContain('query:address!');
    expect(parameters('/wallet').filter((p) => p.includes('balanceHistory'))).toEqual([]);
  });

  it('points only at component schemas it defines, and defines none for subscriptions', async () => {
    const { body } = await rest<Json>('/rest/openapi.json');
    const schemas = (body.components as { schemas: Json }).schemas;
    const refs = [...JSON.stringify(body).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)];
    expect(refs.length).toBeGreaterThan(10);
    for (const [, name] of refs) expect(schemas, name).toHaveProperty(name!);
    expect(schemas).toHaveProperty('Candle');
    expect(schemas).not.toHaveProperty('Subscription');
    expect(schemas).not.toHaveProperty('CandleUpdate');
  });
});

describe('routes', () => {
  it('GET /rest/chains answers what the GraphQL query does', async () => {
    const { status, headers, body } = await rest<Json[]>('/rest/chains');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^application\/json/);
    const { chains } = await graphqlData<{ chains: Json[] }>(
      '{ chains { id name head indexedBlock lag finalizedBlock } }',
    );
    expect(chains).toHaveLength(2);
    expect(body).toEqual(chains);
  });

  it('GET /rest/candles with arguments answers what the GraphQL query does', async () => {
    const filter = { from: T0, to: T0 + HOUR };
    const args = { chainId: 1, pool: P1, interval: 'M1', filter };
    const { status, body } = await rest<Json>(`/rest/candles?${query(args)}`);
    expect(status).toBe(200);
    const { candles } = await graphqlData<{ candles: { edges: { node: Json }[] } }>(
      `query($chainId: Int!, $pool: Address!, $interval: CandleInterval!, $filter: TimeRangeFilter) {
        candles(chainId: $chainId, pool: $pool, interval: $interval, filter: $filter) {
          edges { cursor node { time openUsd highUsd lowUsd closeUsd open high low close volumeUsd
            baseVolume quoteVolume trades buys sells uniqueTraders } }
          pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
        }
      }`,
      args,
    );
    expect(candles.edges.map((c) => c.node.time)).toEqual([T0, T0 + 60, T0 + 360]);
    expect(body).toEqual(candles);
  });

  it('GET /rest/trades takes an input object as JSON and pages like GraphQL', async () => {
    const args = { filter: { chainId: 1, pool: P1 }, first: 2 };
    const { status, body } = await rest<Json>(`/rest/trades?${query(args)}`);
    expect(status).toBe(200);
    const fields = `id chainId blockNumber blockHash txHash logIndex timestamp protocol pool trader
      tokenIn tokenOut amountIn amountOut sqrtPriceX96 liquidity tick gasUsed effectiveGasPrice
      status baseToken quoteToken side priceUsd volumeUsd feeUsd gasFeeUsd`;
    const { trades } = await graphqlData<{ trades: Json }>(
      `query($filter: TradeFilter, $first: Int) { trades(filter: $filter, first: $first) {
        edges { cursor node { ${fields} } }
        pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
      } }`,
      args,
    );
    expect(trades.pageInfo).toMatchObject({ hasNextPage: true });
    expect(body).toEqual(trades);
    const after = (trades.pageInfo as { endCursor: string }).endCursor;
    const next = await rest<{ edges: { node: { blockNumber: number } }[] }>(
      `/rest/trades?${query({ ...args, after })}`,
    );
    expect(next.body.edges.map((edge) => edge.node.blockNumber)).toEqual([103, 102]);
  });

  it('serves the leaderboard, pools, pool and wallet routes', async () => {
    const board = await rest<{ edges: { node: { rank: number; address: string } }[] }>(
      `/rest/leaderboard?${query({
        window: 'ALL',
        orderBy: { field: 'REALIZED_PNL', direction: 'DESC' },
        filter: { chainId: 1 },
      })}`,
    );
    expect(board.status).toBe(200);
    expect(board.body.edges[0]?.node).toMatchObject({ rank: 1, address: W1 });
    const pools = await rest<{ edges: { node: { address: string } }[] }>(
      `/rest/pools?${query({ filter: { chainId: 1 } })}`,
    );
    expect(pools.status).toBe(200);
    expect(pools.body.edges.map((edge) => edge.node.address)).toContain(P1);
    const pool = await rest<{ address: string; stats: Json }>(`/rest/pool?chainId=1&address=${P1}`);
    expect(pool.status).toBe(200);
    expect(pool.body).toMatchObject({ address: P1, stats: { volume24hUsd: '58', trades24h: 5 } });
    const wallet = await rest<{ address: string; activity: Json }>(
      `/rest/wallet?${query({ address: W1, chainId: 1, wallet_activity_window: 'ALL' })}`,
    );
    expect(wallet.status).toBe(200);
    const expected = await graphqlData<{ wallet: { activity: Json } }>(
      `{ wallet(address: "${W1}", chainId: 1) { activity(window: ALL) {
        window volumeUsd feesUsd gasFeesUsd realizedPnlUsd trades closes wins winRate
      } } }`,
    );
    expect(wallet.body.address).toBe(W1);
    expect(wallet.body.activity).toEqual(expected.wallet.activity);
  });
});

describe('refusals', () => {
  const refused = async (path: string, init?: RequestInit, gateway?: Gateway) => {
    const answer = await rest<ErrorBody>(path, init, gateway);
    expect(answer.body.errors).toHaveLength(1);
    return { ...answer, error: answer.body.errors[0]! };
  };

  it('answers a bad argument 400 with BAD_USER_INPUT', async () => {
    const base = { chainId: 1, pool: P1, interval: 'M1' };
    const notInt = await refused(`/rest/candles?${query({ ...base, chainId: 'abc' })}`);
    expect(notInt.status).toBe(400);
    expect(notInt.error).toEqual({
      message: expect.stringContaining('Int cannot represent non-integer value: "abc"') as string,
      extensions: { code: ErrorCode.BadUserInput },
    });
    const badAddress = await refused(`/rest/candles?${query({ ...base, pool: '0x12' })}`);
    expect(badAddress.status).toBe(400);
    expect(badAddress.error.extensions).toEqual({ code: ErrorCode.BadUserInput });
    expect(badAddress.error.message).toContain('invalid address "0x12"');
    const missing = await refused(`/rest/candles?${query({ pool: P1, interval: 'M1' })}`);
    expect(missing.status).toBe(400);
    expect(missing.error.message).toContain('"$chainId" of required type "Int!" was not provided');
    // Refused by the resolver, as over GraphQL.
    const page = await refused(`/rest/candles?${query({ ...base, first: 0 })}`);
    expect(page.status).toBe(400);
    expect(page.error.extensions).toEqual({ code: ErrorCode.BadUserInput });
    expect(page.error.message).toMatch(/first/);
  });

  it('answers an unknown route 404 and other methods 405', async () => {
    const unknown = await rest<{ error: string }>('/rest/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe(
      'no route for GET /rest/nope: see /rest/openapi.json for the routes',
    );
    const post = await refused('/rest/chains', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, OPTIONS');
  });

  it('applies the query limits of /graphql', async () => {
    const base = parseGatewayConfig({ GATEWAY_PORT: '0' });
    const strict = await harness.startGateway({ limits: { ...base.limits, maxDepth: 3 } });
    expect((await rest('/rest/chains', {}, strict)).status).toBe(200);
    const deep = await refused('/rest/trades', {}, strict);
    expect(deep.status).toBe(400);
    expect(deep.error.extensions).toEqual({ code: ErrorCode.BadUserInput });
    expect(deep.error.message).toMatch(/depth limit of 3/);
  });

  it('sends CORS headers to allowed origins, as /graphql does', async () => {
    const origin = 'http://127.0.0.1:3000';
    const allowed = await rest('/rest/chains', { headers: { origin } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    const other = await rest('/rest/chains', { headers: { origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limiting', () => {
  it('charges REST calls to the client budget /graphql spends: 429 with Retry-After', async () => {
    const { gateway, advance } = await startLimitedGateway(harness);
    gateways.push(gateway);
    // The generated `chains` selection has 6 fields: 1 + 10 (a list's assumed size) x 6 = 61.
    expect((await rest('/rest/chains', {}, gateway)).status).toBe(200);
    // 39 left; `{ chains { id } }` costs 11 over /graphql, from the same budget.
    expect((await graphql(gateway.url, '{ chains { id } }')).status).toBe(200);
    const limited = await rest<ErrorBody>('/rest/chains', {}, gateway);
    expect(limited.status).toBe(429);
    // 28 left, 61 needed: 33 more at 10 per second.
    expect(limited.headers.get('retry-after')).toBe('4');
    expect(limited.body.errors).toHaveLength(1);
    expect(limited.body.errors[0]!.extensions).toEqual({
      code: ErrorCode.RateLimited,
      retryAfterMs: 3300,
      retryable: true,
    });
    expect(limited.body.errors[0]!.message).toMatch(
      /^Rate limit exceeded: this operation costs 61 /,
    );
    advance(3300);
    expect((await rest('/rest/chains', {}, gateway)).status).toBe(200);
  });
});
