import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeExecutedV1 } from '@tidemark/schema';
import { graphql, startHarness, type Harness } from './support/harness';
import { addr, makeTrade, makeV3Trade, newestFirst, tradeId } from './support/trades';

const tradeFields = `id chainId blockNumber blockHash txHash logIndex timestamp protocol pool trader tokenIn tokenOut amountIn amountOut sqrtPriceX96 liquidity tick status`;
const tradesQuery = `query Trades($filter: TradeFilter, $orderBy: TradeOrder, $first: Int,
    $after: String, $last: Int, $before: String) {
  trades(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last,
    before: $before) {
    edges { cursor node { ${tradeFields} } }
    pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
  }
}`;

interface TradesData {
  trades: {
    edges: { cursor: string; node: Record<string, unknown> & { id: string } }[];
    pageInfo: {
      hasNextPage: boolean;
      endCursor: string | null;
      hasPreviousPage: boolean;
      startCursor: string | null;
    };
  };
}

async function tradesPage(variables: Record<string, unknown>) {
  const result = await graphql<TradesData>(harness.gateway.url, tradesQuery, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.trades;
}

let harness: Harness;
const trades: TradeExecutedV1[] = [];
/** Each chain's finalized block as the test set it; chain 31337 has none. */
const finalized = new Map([[1, 214]]);

beforeAll(async () => {
  harness = await startHarness('queries');
  await harness.oltp.upsertChain({ chainId: 1, name: 'ethereum' });
  await harness.oltp.setHead(1, 120);
  await harness.oltp.setIndexedBlock(1, 100);
  await harness.oltp.setFinalizedBlock(1, finalized.get(1)!);
  await harness.oltp.upsertChain({ chainId: 31337, name: 'devnet' });
  for (let i = 0; i < 30; i += 1) {
    const fields = {
      chainId: i % 3 === 0 ? 31337 : 1,
      blockNumber: 200 + i,
      pool: i % 2 === 0 ? addr('a') : addr('b'),
      trader: i % 5 === 0 ? addr('c') : addr('d'),
      // Pairs of trades share a timestamp, so the later sort keys decide their order.
      timestamp: 1_700_000_000 + Math.floor(i / 2),
    };
    trades.push(i % 4 === 1 ? makeV3Trade(i, fields) : makeTrade(fields));
  }
  await harness.olap.insertTrades(trades);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const ids = (data: TradesData | null | undefined) =>
  data?.trades.edges.map((edge) => edge.node.id) ?? [];

const byBlock = (blockNumber: number) => trades.find((t) => t.blockNumber === blockNumber)!;

/** The API's view of a trade: V3 state or null, status from the chain's finalized block now. */
function expectedNode(trade: TradeExecutedV1) {
  const { type: _type, sender: _sender, recipient: _recipient, status: _status, ...fields } = trade;
  const final = finalized.get(trade.chainId);
  return {
    id: tradeId(trade),
    ...fields,
    sqrtPriceX96: trade.sqrtPriceX96 ?? null,
    liquidity: trade.liquidity ?? null,
    tick: trade.tick ?? null,
    status: final !== undefined && trade.blockNumber <= final ? 'FINALIZED' : 'LATEST',
  };
}

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
    const nodes = result.data?.trades.edges.map((edge) => edge.node);
    expect(nodes).toEqual(newestFirst(trades).map(expectedNode));
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

  it('lists oldest first with orderBy ASC', async () => {
    const page = await tradesPage({
      orderBy: { field: 'TIMESTAMP', direction: 'ASC' },
      first: 100,
    });
    expect(page.edges.map((e) => e.node.id)).toEqual(newestFirst(trades).reverse().map(tradeId));
  });

  it('pages backward with last/before, back to where forward paging started', async () => {
    const all = newestFirst(trades).map(tradeId);
    const tail = await tradesPage({ last: 4 });
    expect(tail.edges.map((e) => e.node.id)).toEqual(all.slice(-4));
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(tail.pageInfo.startCursor).toBe(tail.edges[0]?.cursor);
    const before = await tradesPage({ last: 5, before: tail.pageInfo.startCursor });
    expect(before.edges.map((e) => e.node.id)).toEqual(all.slice(-9, -4));
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const head = await tradesPage({ last: 100, before: before.pageInfo.startCursor });
    expect(head.edges.map((e) => e.node.id)).toEqual(all.slice(0, -9));
    expect(head.pageInfo.hasPreviousPage).toBe(false);
    // Oldest first, backward from the end gives the newest, in that order.
    const asc = { field: 'TIMESTAMP', direction: 'ASC' };
    const newest = await tradesPage({ orderBy: asc, last: 3 });
    expect(newest.edges.map((e) => e.node.id)).toEqual(all.slice(0, 3).reverse());
  });

  it('has no previous page on the first page, and one after a cursor', async () => {
    const first = await tradesPage({ first: 2 });
    expect(first.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
    const second = await tradesPage({ first: 2, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
  });
});

describe('V3 pool state and status', () => {
  const query = `query($final: Boolean) {
    trades(first: 100, filter: { finalizedOnly: $final }) { edges { node { ${tradeFields} } } }
  }`;
  const nodeAt = async (blockNumber: number) => {
    const result = await graphql<TradesData>(harness.gateway.url, query, {});
    expect(result.errors).toBeUndefined();
    return result.data?.trades.edges.find((e) => e.node.id === tradeId(byBlock(blockNumber)))?.node;
  };

  it('returns a V3 trade with its pool state exactly, and a V2 trade with nulls', async () => {
    const v3 = byBlock(201);
    expect(v3.protocol).toBe('uniswap-v3');
    expect(await nodeAt(201)).toMatchObject({
      protocol: 'uniswap-v3',
      sqrtPriceX96: (2n ** 160n - 2n).toString(),
      liquidity: (2n ** 128n - 2n).toString(),
      tick: -887_271,
    });
    expect(await nodeAt(202)).toMatchObject({
      protocol: 'uniswap-v2',
      sqrtPriceX96: null,
      liquidity: null,
      tick: null,
    });
  });

  it('says FINALIZED at or below the chain finalized block and LATEST above it', async () => {
    expect((await nodeAt(213))?.status).toBe('FINALIZED');
    expect((await nodeAt(214))?.status).toBe('FINALIZED'); // the finalized block itself
    expect((await nodeAt(216))?.status).toBe('LATEST');
    // Chain 31337 has no finalized block yet: none of its trades is final.
    expect(byBlock(212).chainId).toBe(31337);
    expect((await nodeAt(212))?.status).toBe('LATEST');
  });

  it('agrees with finalizedOnly: every trade it returns is FINALIZED', async () => {
    const result = await graphql<TradesData>(harness.gateway.url, query, { final: true });
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.trades.edges.map((edge) => edge.node) ?? [];
    const final = newestFirst(
      trades.filter((t) => t.chainId === 1 && t.blockNumber <= finalized.get(1)!),
    );
    expect(nodes).toEqual(final.map(expectedNode));
    expect(nodes.every((node) => node.status === 'FINALIZED')).toBe(true);
  });

  it('derives status when queried, so a trade turns FINALIZED as the chain grows', async () => {
    expect((await nodeAt(216))?.status).toBe('LATEST');
    await harness.oltp.setFinalizedBlock(1, 220);
    finalized.set(1, 220);
    expect((await nodeAt(216))?.status).toBe('FINALIZED');
    expect((await nodeAt(223))?.status).toBe('LATEST');
  });
});

describe('bad input', () => {
  const notIssued = Buffer.from(JSON.stringify({ timestamp: 1 }), 'utf8').toString('base64url');
  it.each([
    ['first = 0', tradesQuery, { first: 0 }, /first.*1 to 100/],
    ['first = 101', tradesQuery, { first: 101 }, /first.*1 to 100/],
    ['a cursor that is not base64url', tradesQuery, { after: 'not a cursor!' }, /cursor/],
    ['a cursor the API did not issue', tradesQuery, { after: notIssued }, /cursor/],
    ['first and last together', tradesQuery, { first: 2, last: 2 }, /not both/],
    ['last = 101', tradesQuery, { last: 101 }, /"last" 101.*1 to 100/],
    [
      "another list's cursor",
      tradesQuery,
      {
        before: Buffer.from(JSON.stringify([1, 'pools of every chain', [1]])).toString('base64url'),
      },
      /invalid cursor "before": .* is not a cursor this API issued for trades/,
    ],
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
