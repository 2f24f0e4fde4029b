import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeExecutedV1 } from '@tidemark/schema';
import { graphql, startHarness, type Harness } from './support/harness';
import { addr, makeTrade, newestFirst, tradeId } from './support/trades';

const tradeFields = `id chainId blockNumber blockHash txHash logIndex timestamp protocol pool trader tokenIn tokenOut amountIn amountOut`;
const tradesQuery = `query Trades($filter: TradeFilter, $first: Int, $after: String) {
  trades(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${tradeFields} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface TradesData {
  trades: {
    edges: { cursor: string; node: Record<string, unknown> & { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

let harness: Harness;
const trades: TradeExecutedV1[] = [];

beforeAll(async () => {
  harness = await startHarness('queries');
  await harness.oltp.upsertChain({ chainId: 1, name: 'ethereum' });
  await harness.oltp.setHead(1, 120);
  await harness.oltp.setIndexedBlock(1, 100);
  await harness.oltp.upsertChain({ chainId: 31337, name: 'devnet' });
  for (let i = 0; i < 30; i += 1) {
    trades.push(
      makeTrade({
        chainId: i % 3 === 0 ? 31337 : 1,
        pool: i % 2 === 0 ? addr('a') : addr('b'),
        trader: i % 5 === 0 ? addr('c') : addr('d'),
        // Pairs of trades share a timestamp, so the later sort keys decide their order.
        timestamp: 1_700_000_000 + Math.floor(i / 2),
      }),
    );
  }
  await harness.olap.insertTrades(trades);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const ids = (data: TradesData | null | undefined) =>
  data?.trades.edges.map((edge) => edge.node.id) ?? [];

describe('chains', () => {
  it('lists every chain with head, indexed block and lag', async () => {
    const result = await graphql<{ chains: { id: number }[] }>(
      harness.gateway.url,
      '{ chains { id name head indexedBlock lag } }',
    );
    expect(result.errors).toBeUndefined();
    const chains = [...(result.data?.chains ?? [])].sort((a, b) => a.id - b.id);
    expect(chains).toEqual([
      { id: 1, name: 'ethereum', head: 120, indexedBlock: 100, lag: 20 },
      { id: 31337, name: 'devnet', head: null, indexedBlock: null, lag: null },
    ]);
  });
});

describe('trades', () => {
  it('returns trades newest first with every field', async () => {
    const result = await graphql<TradesData>(harness.gateway.url, tradesQuery, { first: 100 });
    expect(result.errors).toBeUndefined();
    expect(ids(result.data)).toEqual(newestFirst(trades).map(tradeId));
    expect(result.data?.trades.pageInfo.hasNextPage).toBe(false);
    const newest = newestFirst(trades)[0]!;
    const { type: _type, sender: _sender, recipient: _recipient, ...fields } = newest;
    expect(result.data?.trades.edges[0]?.node).toEqual({ id: tradeId(newest), ...fields });
  });

  it('returns 20 trades when `first` is not given', async () => {
    const result = await graphql<TradesData>(harness.gateway.url, tradesQuery);
    expect(ids(result.data)).toEqual(newestFirst(trades).slice(0, 20).map(tradeId));
    expect(result.data?.trades.pageInfo.hasNextPage).toBe(true);
  });

  it.each([
    ['chainId', { chainId: 31337 }, (t: TradeExecutedV1) => t.chainId === 31337],
    [
      'pool, in any letter case',
      { pool: addr('B').toUpperCase().replace('0X', '0x') },
      (t: TradeExecutedV1) => t.pool === addr('b'),
    ],
    ['trader', { trader: addr('c') }, (t: TradeExecutedV1) => t.trader === addr('c')],
    [
      'chainId and pool',
      { chainId: 1, pool: addr('a') },
      (t: TradeExecutedV1) => t.chainId === 1 && t.pool === addr('a'),
    ],
  ])('filters by %s', async (_name, filter, keep) => {
    const result = await graphql<TradesData>(harness.gateway.url, tradesQuery, {
      filter,
      first: 100,
    });
    expect(result.errors).toBeUndefined();
    const expected = newestFirst(trades.filter(keep)).map(tradeId);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(result.data)).toEqual(expected);
  });

  it('pages through every trade with `after`, without duplicates', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: Awaited<ReturnType<typeof graphql<TradesData>>> = await graphql<TradesData>(
        harness.gateway.url,
        tradesQuery,
        { first: 7, after },
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.trades;
      seen.push(...page.edges.map((edge) => edge.node.id));
      pages += 1;
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(newestFirst(trades).map(tradeId));
  });
});

describe('bad input', () => {
  const notIssued = Buffer.from(JSON.stringify({ timestamp: 1 }), 'utf8').toString('base64url');
  it.each([
    ['first = 0', tradesQuery, { first: 0 }, /first.*1 to 100/],
    ['first = 101', tradesQuery, { first: 101 }, /first.*1 to 100/],
    ['a cursor that is not base64url', tradesQuery, { after: 'not a cursor!' }, /cursor/],
    ['a cursor the API did not issue', tradesQuery, { after: notIssued }, /cursor/],
    ['a malformed pool variable', tradesQuery, { filter: { pool: '0x1234' } }, /address.*0x1234/],
    [
      'a malformed trader literal',
      `{ trades(filter: { trader: "bob" }) { edges { cursor } } }`,
      undefined,
      /address.*bob/,
    ],
    ['a chain id below 1', tradesQuery, { filter: { chainId: 0 } }, /chainId/],
  ])('rejects %s with BAD_USER_INPUT', async (_name, query, variables, message) => {
    const result = await graphql(harness.gateway.url, query, variables);
    expect(result.data?.trades ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(harness.gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('allows the web app origin', async () => {
    const response = await preflight('http://localhost:3000');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('does not allow other origins', async () => {
    const response = await preflight('http://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
