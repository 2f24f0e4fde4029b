import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, NOW } from './support/analytics';
import { graphql, startHarness, type Harness } from './support/harness';
import { POOL, W1, W2, W3, W4, seedWallets, totals, totalsFields } from './support/wallet-fixtures';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('analytics-leaderboard');
  await seedWallets(harness);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

type Row = Record<string, unknown>;

const leaderboardQuery = `query($metric: LeaderboardOrderField!, $window: ActivityWindow!,
    $chainId: Int, $first: Int, $after: String, $last: Int, $before: String,
    $direction: OrderDirection = DESC) {
  leaderboard(window: $window, orderBy: { field: $metric, direction: $direction },
      filter: { chainId: $chainId }, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { rank address totals { ${totalsFields} } } }
    pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
  }
}`;

interface LeaderboardData {
  leaderboard: {
    edges: { cursor: string; node: { rank: number; address: string; totals: Row } }[];
    pageInfo: {
      hasNextPage: boolean;
      endCursor: string | null;
      hasPreviousPage: boolean;
      startCursor: string | null;
    };
  };
}

async function board(variables: Row) {
  const result = await graphql<LeaderboardData>(harness.gateway.url, leaderboardQuery, variables);
  expect(result.errors).toBeUndefined();
  const data = result.data!.leaderboard;
  expect(data.pageInfo.endCursor).toBe(data.edges.at(-1)?.cursor ?? null);
  return data;
}

const ranked = (data: LeaderboardData['leaderboard'], figure = 'volumeUsd') =>
  data.edges.map((e) => [e.node.rank, e.node.address, e.node.totals[figure]]);

describe('leaderboard', () => {
  it('ranks all-time volume across chains, page by page', async () => {
    const first = await board({ metric: 'VOLUME', window: 'ALL', first: 3 });
    expect(ranked(first)).toEqual([
      [1, W3, '5000'],
      [2, W1, '1770'],
      [3, W4, '720'],
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges[1]?.node.totals).toEqual(
      totals('ALL', '1770 5.31 0.8 69.6', [5, 2, 1], '0.5'),
    );
    const second = await board({
      metric: 'VOLUME',
      window: 'ALL',
      first: 3,
      after: first.pageInfo.endCursor,
    });
    expect(ranked(second)).toEqual([[4, W2, '430']]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = await board({
      metric: 'VOLUME',
      window: 'ALL',
      last: 2,
      before: second.pageInfo.startCursor,
    });
    expect(ranked(back)).toEqual([
      [2, W1, '1770'],
      [3, W4, '720'],
    ]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('ranks a window, ties going to the lower address', async () => {
    const week = await board({ metric: 'VOLUME', window: 'D7' });
    expect(ranked(week)).toEqual([
      [1, W1, '720'],
      [2, W4, '720'],
      [3, W2, '430'],
    ]);
    const day = await board({ metric: 'VOLUME', window: 'H24' });
    expect(ranked(day)).toEqual([
      [1, W4, '720'],
      [2, W2, '400'],
      [3, W1, '240'],
    ]);
  });

  it('ranks realized PnL on one chain, and win rate among wallets with 5 closes', async () => {
    const pnl = await board({ metric: 'REALIZED_PNL', window: 'ALL', chainId: 1 });
    expect(ranked(pnl, 'realizedPnlUsd')).toEqual([
      [1, W1, '79.6'],
      [2, W2, '22'],
      [3, W3, '-100'],
    ]);
    const wins = await board({ metric: 'WIN_RATE', window: 'D7' });
    expect(ranked(wins, 'winRate')).toEqual([[1, W2, '0.4']]);
  });

  it('answers the same from the hourly snapshots the analytics role builds', async () => {
    await harness.analytics.refreshLeaderboards(NOW);
    expect(ranked(await board({ metric: 'VOLUME', window: 'D7' }))).toEqual([
      [1, W1, '720'],
      [2, W4, '720'],
      [3, W2, '430'],
    ]);
    const wins = await board({ metric: 'WIN_RATE', window: 'D7', first: 1 });
    expect(ranked(wins, 'winRate')).toEqual([[1, W2, '0.4']]);
    expect(wins.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses a cursor of another leaderboard', async () => {
    const first = await board({ metric: 'VOLUME', window: 'ALL', first: 1 });
    const result = await graphql(harness.gateway.url, leaderboardQuery, {
      metric: 'VOLUME',
      window: 'D7',
      after: first.pageInfo.endCursor,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(
      /issued for the VOLUME ALL leaderboard of every chain, not the VOLUME D7 leaderboard/,
    );
  });
});

describe('bad arguments', () => {
  const candles = `query($chainId: Int!, $pool: Address!, $from: Int, $to: Int, $first: Int) {
    candles(chainId: $chainId, pool: $pool, interval: M1, filter: { from: $from, to: $to },
      first: $first) { edges { node { time } } }
  }`;
  const pools = `query($chainId: Int, $first: Int, $after: String, $last: Int,
      $direction: OrderDirection = DESC) {
    pools(filter: { chainId: $chainId }, orderBy: { field: VOLUME_24H, direction: $direction },
      first: $first, after: $after, last: $last) { edges { cursor } }
  }`;
  const pool = `query($chainId: Int!) { pool(chainId: $chainId, address: "${POOL}") { address } }`;
  const history = `query($from: Int, $to: Int, $bucket: PnlBucket) {
    wallet(address: "${W1}") {
      pnlHistory(filter: { from: $from, to: $to }, bucket: $bucket) { edges { node { time } } }
    }
  }`;
  const notIssued = Buffer.from(JSON.stringify([1, 'pools of every chain', [0]])).toString(
    'base64url',
  );
  const ok = { chainId: 1, pool: POOL };
  it.each([
    ['a malformed pool', candles, { chainId: 1, pool: '0x1234' }, /address.*0x1234/],
    ['candles first = 0', candles, { ...ok, first: 0 }, /first.*1 to 1000/],
    ['candles first = 1001', candles, { ...ok, first: 1001 }, /first.*1 to 1000/],
    [
      'candles from after to',
      candles,
      { ...ok, from: 200, to: 100 },
      /"from" \(200\) is after "to" \(100\)/,
    ],
    ['a negative from', candles, { ...ok, from: -5 }, /"from" -5/],
    ['a chain id of 0', candles, { ...ok, chainId: 0 }, /chainId 0/],
    ['pools first = 101', pools, { first: 101 }, /first.*1 to 100/],
    ['pools first = 0', pools, { first: 0 }, /first.*1 to 100/],
    ['a cursor that is not base64url', pools, { after: 'no cursor!' }, /cursor/],
    ['a cursor the API did not issue', pools, { after: notIssued }, /not a cursor this API issued/],
    ['pools in ascending order', pools, { direction: 'ASC' }, /pools are served highest first/],
    ['pools last without before', pools, { last: 2 }, /"last" needs "before"/],
    ['pool on chain -1', pool, { chainId: -1 }, /chainId -1/],
    ['a malformed wallet', `{ wallet(address: "bob") { address } }`, {}, /address.*bob/],
    ['PnL history from after to', history, { from: NOW, to: NOW - 1 }, /is after "to"/],
    [
      'hourly PnL history over 31 days',
      history,
      { from: NOW - 40 * DAY, bucket: 'H1' },
      /at most 31 days/,
    ],
    [
      'leaderboard first = 101',
      leaderboardQuery,
      { metric: 'VOLUME', window: 'ALL', first: 101 },
      /first.*1 to 100/,
    ],
    [
      'a leaderboard chain of 0',
      leaderboardQuery,
      { metric: 'VOLUME', window: 'ALL', chainId: 0 },
      /filter.chainId 0/,
    ],
    [
      'a leaderboard in ascending order',
      leaderboardQuery,
      { metric: 'VOLUME', window: 'ALL', direction: 'ASC' },
      /orderBy.direction ASC: leaderboards are served highest first only/,
    ],
  ])('rejects %s with BAD_USER_INPUT', async (_name, query, variables, message) => {
    const result = await graphql(harness.gateway.url, query, variables);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(message);
    // The failing field is null, and so is every non-null field above it.
    const data = result.data;
    expect(data == null || Object.values(data).every((value) => value === null)).toBe(true);
  });

  it('rejects an unknown enum value as a GraphQL validation error', async () => {
    const result = await graphql(
      harness.gateway.url,
      `{ candles(chainId: 1, pool: "${POOL}", interval: M2) { edges { cursor } } }`,
    );
    expect(result.errors?.[0]?.message).toMatch(/M2/);
    expect(result.data ?? null).toBeNull();
  });
});
