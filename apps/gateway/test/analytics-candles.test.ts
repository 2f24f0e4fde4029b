import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, NOW } from './support/analytics';
import { graphql, startHarness, type Harness } from './support/harness';
import { P1, P3, T0, seedMarket } from './support/market-fixtures';

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('analytics-candles');
  await seedMarket(harness);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

const candlesQuery = `query($chainId: Int!, $pool: Address!, $interval: CandleInterval!,
    $filter: TimeRangeFilter, $first: Int, $after: String, $last: Int, $before: String) {
  candles(chainId: $chainId, pool: $pool, interval: $interval, filter: $filter, first: $first,
      after: $after, last: $last, before: $before) {
    edges { cursor node { time openUsd highUsd lowUsd closeUsd open high low close volumeUsd
      baseVolume quoteVolume trades buys sells uniqueTraders } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface CandlePage {
  edges: { cursor: string; node: Row }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

type Row = Record<string, unknown>;
/** Space-separated figures, "-" for null: USD OHLC, quote OHLC, "volumeUsd base quote". */
const figures = (text: string) => text.split(' ').map((f) => (f === '-' ? null : f));

const candle = (time: number, usd: string, quote: string, volumes: string, counts: number[]) => {
  const [openUsd, highUsd, lowUsd, closeUsd] = figures(usd);
  const [open, high, low, close] = figures(quote);
  const [volumeUsd, baseVolume, quoteVolume] = figures(volumes);
  const [trades, buys, sells, uniqueTraders] = counts;
  return {
    time,
    ...{ openUsd, highUsd, lowUsd, closeUsd, open, high, low, close },
    ...{ volumeUsd, baseVolume, quoteVolume, trades, buys, sells, uniqueTraders },
  };
};

async function candlePage(variables: Row): Promise<CandlePage> {
  const { from, to, ...rest } = variables;
  const filter = from === undefined && to === undefined ? undefined : { from, to };
  const result = await graphql<{ candles: CandlePage }>(harness.gateway.url, candlesQuery, {
    chainId: 1,
    pool: P1,
    filter,
    ...rest,
  });
  expect(result.errors).toBeUndefined();
  return result.data!.candles;
}

async function candles(variables: Row) {
  return (await candlePage(variables)).edges.map((e) => e.node);
}

describe('candles', () => {
  it('gives 1m candles oldest first, in USD and quote, leaving empty buckets out', async () => {
    expect(await candles({ interval: 'M1', from: T0, to: T0 + HOUR })).toEqual([
      candle(T0, '2 2 2 2', '1 1 1 1', '20 10 10', [1, 1, 0, 1]),
      // Two trades: the first opens, the later one closes; one bought, one sold.
      candle(T0 + 60, '2.5 2.5 1.5 1.5', '1.25 1.25 0.75 0.75', '8 4 4', [2, 1, 1, 2]),
      // Its only trade has no USD price: no USD prices, no USD volume, but quote prices.
      candle(T0 + 360, '- - - -', '0.8 0.8 0.8 0.8', '0 5 4', [1, 1, 0, 1]),
    ]);
  });

  it('gives 1h candles, whose USD close is the last priced trade of the hour', async () => {
    expect(await candles({ interval: 'H1', from: T0 - HOUR, to: NOW })).toEqual([
      candle(T0, '2 2.5 1.5 1.5', '1 1.25 0.75 0.8', '28 19 18', [4, 3, 1, 3]),
      candle(T0 + HOUR, '3 3 3 3', '1.5 1.5 1.5 1.5', '30 10 15', [1, 0, 1, 1]),
    ]);
  });

  it('defaults to the `first` most recent buckets up to now', async () => {
    const recent = await candles({ interval: 'H1', first: 2 });
    expect(recent?.map((c) => c.time)).toEqual([T0, T0 + HOUR]);
    const last = await candles({ interval: 'H1', first: 1 });
    expect(last?.map((c) => c.time)).toEqual([T0 + HOUR]);
    const daily = await candles({ interval: 'D1' });
    expect(daily?.map((c) => [c.time, c.volumeUsd, c.trades])).toEqual([
      [NOW - (NOW % DAY) - DAY, '12', 1],
      [NOW - (NOW % DAY), '58', 5],
    ]);
  });

  it('returns the oldest `first` buckets of a range, from the bucket overlapping `from`', async () => {
    const oldest = await candles({ interval: 'M1', from: T0 + 30, to: NOW, first: 2 });
    expect(oldest?.map((c) => c.time)).toEqual([T0, T0 + 60]);
    const next = await candles({ interval: 'M5', from: T0 + 300, to: NOW });
    expect(next?.map((c) => [c.time, c.trades])).toEqual([
      [T0 + 300, 1],
      [T0 + HOUR, 1],
    ]);
  });

  it('pages forward with after and backward with last/before, by bucket', async () => {
    const first = await candlePage({ interval: 'M1', from: T0, to: NOW, first: 2 });
    expect(first.edges.map((e) => e.node.time)).toEqual([T0, T0 + 60]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const range = { interval: 'M1', from: T0, to: NOW };
    const next = await candlePage({ ...range, first: 2, after: first.pageInfo.endCursor });
    expect(next.edges.map((e) => e.node.time)).toEqual([T0 + 360, T0 + HOUR]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = await candlePage({ ...range, last: 1, before: next.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.time)).toEqual([T0 + 60]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // Without a cursor, `last` is the newest candles.
    const newest = await candlePage({ interval: 'M1', last: 2 });
    expect(newest.edges.map((e) => e.node.time)).toEqual([T0 + 360, T0 + HOUR]);
    expect(newest.pageInfo.hasPreviousPage).toBe(true);
  });

  it("refuses a cursor of another pool's or range's candles", async () => {
    const page = await candlePage({ interval: 'M1', from: T0, to: NOW, first: 1 });
    const result = await graphql(harness.gateway.url, candlesQuery, {
      chainId: 1,
      pool: P1,
      interval: 'M1',
      first: 1,
      after: page.pageInfo.endCursor,
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(
      /invalid cursor "after": it was issued for the 1m candles/,
    );
  });

  it('answers an empty list for a pool or a range without trades', async () => {
    expect(await candles({ interval: 'M1', pool: P3 })).toEqual([]);
    expect(await candles({ interval: 'M1', from: T0 + 120, to: T0 + 300 })).toEqual([]);
  });
});
