import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { NOW, indexedTrade } from './support/analytics';
import { graphql, startHarness, type Harness } from './support/harness';
import { IdentityClient } from './support/identity-client';
import { P1, P2, P3, W1, p1, seedMarket } from './support/market-fixtures';
import { makeTrade, tradeId } from './support/trades';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('analytics-pools');
  await seedMarket(harness);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

type Row = Record<string, unknown>;

const poolFields = `chainId address stats {
  volume24hUsd trades24h buys24h sells24h priceUsd liquidityUsd priceChange { m5 h1 h6 h24 }
}`;

describe('pool and pools', () => {
  it('gives a pool its 24h figures, price, price changes and latest liquidity', async () => {
    const result = await graphql<{ pool: Row | null }>(
      harness.gateway.url,
      `query($chainId: Int!, $address: Address!) { pool(chainId: $chainId, address: $address) { ${poolFields} } }`,
      { chainId: 1, address: P1.toUpperCase().replace('0X', '0x') },
    );
    expect(result.errors).toBeUndefined();
    // 24h: 20 + 5 + 3 + 0 + 30; the day-old trade at 1.2 is the 6h and 24h reference, 1.5 the 1h one.
    expect(result.data?.pool).toEqual({
      chainId: 1,
      address: P1,
      stats: {
        volume24hUsd: '58',
        trades24h: 5,
        buys24h: 3,
        sells24h: 2,
        priceUsd: '3',
        liquidityUsd: '6400.5',
        priceChange: { m5: '0', h1: '1', h6: '1.5', h24: '1.5' },
      },
    });
  });

  it('gives null for a pool that never traded, and null liquidity without a recorded state', async () => {
    const query = `query($chainId: Int!, $address: Address!) { pool(chainId: $chainId, address: $address) { ${poolFields} } }`;
    const none = await graphql<{ pool: Row | null }>(harness.gateway.url, query, {
      chainId: 2,
      address: P1,
    });
    expect(none.errors).toBeUndefined();
    expect(none.data?.pool).toBeNull();
    const p2 = await graphql<{ pool: Row | null }>(harness.gateway.url, query, {
      chainId: 1,
      address: P2,
    });
    expect(p2.data?.pool).toMatchObject({
      stats: {
        volume24hUsd: '100',
        priceUsd: '10',
        liquidityUsd: null,
        priceChange: { m5: '0', h1: null },
      },
    });
  });

  const poolsQuery = `query($filter: PoolFilter, $first: Int, $after: String, $last: Int,
      $before: String) {
    pools(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { chainId address stats { volume24hUsd } } }
      pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
    }
  }`;
  interface PoolsData {
    pools: {
      edges: { cursor: string; node: { chainId: number; address: string; stats: Row } }[];
      pageInfo: {
        hasNextPage: boolean;
        endCursor: string | null;
        hasPreviousPage: boolean;
        startCursor: string | null;
      };
    };
  }
  const page = async (variables: Row) => {
    const result = await graphql<PoolsData>(harness.gateway.url, poolsQuery, variables);
    expect(result.errors).toBeUndefined();
    const pools = result.data!.pools;
    expect(pools.pageInfo.endCursor).toBe(pools.edges.at(-1)?.cursor ?? null);
    return pools;
  };
  const listed = (data: PoolsData['pools']) =>
    data.edges.map((e) => [e.node.chainId, e.node.address, e.node.stats.volume24hUsd]);

  it('lists pools by 24h volume across chains, page by page', async () => {
    const first = await page({ first: 2 });
    expect(listed(first)).toEqual([
      [1, P2, '100'],
      [1, P1, '58'],
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect(listed(second)).toEqual([[2, P3, '7']]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const all = await page({});
    expect(listed(all)).toEqual([...listed(first), ...listed(second)]);
    const back = await page({ last: 1, before: second.pageInfo.startCursor });
    expect(listed(back)).toEqual([[1, P1, '58']]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('lists one chain when asked', async () => {
    const chain2 = await page({ filter: { chainId: 2 } });
    expect(listed(chain2)).toEqual([[2, P3, '7']]);
    expect(chain2.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a cursor issued for another list', async () => {
    const first = await page({ first: 1 });
    const result = await graphql(harness.gateway.url, poolsQuery, {
      filter: { chainId: 1 },
      after: first.pageInfo.endCursor,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(
      /issued for pools of every chain, not pools of chain 1/,
    );
  });
});

const usdFields = 'id baseToken quoteToken side priceUsd volumeUsd feeUsd gasFeeUsd';

describe('trade USD figures', () => {
  it('gives each trade of a page its figures with one store read, null until priced', async () => {
    const unpricedYet = makeTrade({ chainId: 1, pool: P1, trader: W1, timestamp: NOW - 5 });
    await harness.olap.insertTrades([unpricedYet]);
    const spy = vi.spyOn(harness.analytics, 'pricedTrades');
    try {
      const result = await graphql<{ trades: { edges: { node: Row }[] } }>(
        harness.gateway.url,
        `{ trades(filter: { chainId: 1, pool: "${P1}" }, first: 100) { edges { node { ${usdFields} } } } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0]?.[0]).toHaveLength(7);
      const nodes = result.data!.trades.edges.map((e) => e.node);
      const view = (p: (typeof p1)[number]) => ({
        id: tradeId(indexedTrade(p)),
        baseToken: p.baseToken,
        quoteToken: p.quoteToken,
        side: p.side.toUpperCase(),
        priceUsd: p.priceUsd,
        volumeUsd: p.volumeUsd,
        feeUsd: p.feeUsd,
        gasFeeUsd: p.gasFeeUsd,
      });
      expect(nodes).toEqual([
        {
          id: tradeId(unpricedYet),
          baseToken: null,
          quoteToken: null,
          side: null,
          priceUsd: null,
          volumeUsd: null,
          feeUsd: null,
          gasFeeUsd: null,
        },
        ...[...p1].reverse().map(view),
      ]);
      expect(nodes.find((n) => n.id === tradeId(indexedTrade(p1[1]!)))).toMatchObject({
        side: 'BUY',
        priceUsd: '2',
        volumeUsd: '20',
        feeUsd: '0.06',
        gasFeeUsd: '0.5',
      });
      spy.mockClear();
      // A page whose USD fields nobody asks for reads no priced trades at all.
      await graphql(harness.gateway.url, '{ trades(first: 5) { edges { node { id } } } }');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('a watchlist with its pools', () => {
  const addEntry = `mutation ($kind: WatchlistEntryKind!, $chainId: Int!, $address: Address!) {
    addWatchlistEntry(input: { kind: $kind, chainId: $chainId, address: $address }) { entry { id } } }`;
  const watchlistQuery = `{ viewer { watchlist(first: 10) { edges { node { kind address
    pool { ${poolFields} } wallet { address chainId activity { trades } } } } } } }`;

  it('reads the stats of every followed pool in one store query, and the wallets it follows', async () => {
    const user = new IdentityClient(harness.gateway.url, privateKeyToAccount(generatePrivateKey()));
    await user.signIn();
    const follow: [string, number, string][] = [
      ['POOL', 1, P1],
      ['POOL', 1, P2],
      ['POOL', 2, P3],
      ['POOL', 2, P1], // P1 never traded on chain 2: no stats
      ['WALLET', 1, W1],
    ];
    for (const [kind, chainId, address] of follow) {
      const added = await user.post(addEntry, { kind, chainId, address });
      expect(added.errors).toBeUndefined();
    }
    const single = vi.spyOn(harness.analytics, 'poolStats');
    const batched = vi.spyOn(harness.analytics, 'poolStatsOf');
    try {
      type Node = { kind: string; address: string; pool: Row | null; wallet: Row | null };
      const answer = await user.post<{ viewer: { watchlist: { edges: { node: Node }[] } } }>(
        watchlistQuery,
      );
      expect(answer.errors).toBeUndefined();
      expect(batched).toHaveBeenCalledTimes(1);
      expect(batched.mock.calls[0]?.[0]).toHaveLength(4);
      expect(single).not.toHaveBeenCalled();
      const nodes = answer.data!.viewer.watchlist.edges.map((edge) => edge.node);
      const poolQuery = `query($chainId: Int!, $address: Address!) { pool(chainId: $chainId, address: $address) { ${poolFields} } }`;
      for (const [i, [kind, chainId, address]] of follow.entries()) {
        if (kind === 'WALLET') continue;
        const alone = await graphql<{ pool: Row | null }>(harness.gateway.url, poolQuery, {
          chainId,
          address,
        });
        expect(nodes[i]!.pool).toEqual(alone.data!.pool);
        expect(nodes[i]!.wallet).toBeNull();
      }
      expect(nodes[3]!.pool).toBeNull();
      expect(nodes[0]!.pool).toMatchObject({ chainId: 1, address: P1, stats: { trades24h: 5 } });
      expect(nodes[4]).toMatchObject({
        kind: 'WALLET',
        pool: null,
        wallet: { address: W1, chainId: 1 },
      });
    } finally {
      single.mockRestore();
      batched.mockRestore();
    }
  });
});
