import type { OlapStore, TradeCursor, TradeFilter } from '@tidemark/domain';
import type { TradeExecutedV1 } from '@tidemark/schema';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  address,
  maxUint128,
  maxUint160,
  maxUint256,
  newestFirst,
  trade,
  transfer,
  v3Trade,
} from './fixtures';
import { closeAfterEach, type StoreLocation } from './store-location';

const t0 = 1_700_000_000;

/** 60 trades on three chains, with shared timestamps and blocks so every tie-breaker matters. */
function tradeSet(): TradeExecutedV1[] {
  const trades: TradeExecutedV1[] = [];
  for (let n = 0; n < 60; n += 1) {
    const chainId = [1, 10, 8453][n % 3] ?? 1;
    const blockNumber = 1_000 + Math.floor(n / 6);
    trades.push(
      trade({
        chainId,
        blockNumber,
        logIndex: n % 4,
        timestamp: t0 + Math.floor(n / 9) * 12,
        pool: n % 2,
        trader: n % 5,
      }),
    );
  }
  return trades;
}

const cursorOf = (t: TradeExecutedV1): TradeCursor => ({
  timestamp: t.timestamp,
  chainId: t.chainId,
  blockNumber: t.blockNumber,
  logIndex: t.logIndex,
});

/** Follows `hasNextPage` to the end, returning every page. */
async function allPages(
  store: OlapStore,
  filter: TradeFilter,
  first: number,
): Promise<TradeExecutedV1[][]> {
  const pages: TradeExecutedV1[][] = [];
  let after: TradeCursor | undefined;
  for (;;) {
    const page = await store.queryTrades(filter, first, after);
    pages.push(page.trades);
    const last = page.trades.at(-1);
    if (!page.hasNextPage || !last) return pages;
    after = cursorOf(last);
  }
}

function expected(
  trades: TradeExecutedV1[],
  keep: (t: TradeExecutedV1) => boolean,
): TradeExecutedV1[] {
  return trades.filter(keep).sort(newestFirst);
}

interface Harness {
  /** The store opened for the running test. */
  store(): OlapStore;
  /** Opens the running test's location again (closed after the test). */
  reopen(): Promise<OlapStore>;
}

function idempotencyAndOrderTests(harness: Harness): void {
  it('leaves the same trades and transfers when the same events are inserted twice', async () => {
    const store = harness.store();
    const trades = tradeSet();
    const transfers = [
      transfer(1, 5, 0, '10'),
      transfer(1, 5, 1, '20'),
      transfer(1, 4, 3, '30'),
      transfer(10, 5, 0, '40'),
    ];
    await store.insertTrades(trades);
    await store.insertTransfers(transfers);
    await store.insertTrades(trades.slice(10, 30));
    await store.insertTrades(trades);
    await store.insertTransfers(transfers);
    await store.insertTrades([]);
    expect(await store.countTrades()).toBe(60);
    expect((await store.queryTrades({}, 100)).trades).toEqual(expected(trades, () => true));
    expect(await store.listTransfers(1)).toEqual([transfers[2], transfers[0], transfers[1]]);
    expect(await store.listTransfers(10)).toEqual([transfers[3]]);
    expect(await store.listTransfers(2)).toEqual([]);
  });

  it('pages newest first across chains with no row missing or repeated', async () => {
    const store = harness.store();
    const trades = tradeSet();
    await store.insertTrades(trades);
    const pages = await allPages(store, {}, 7);
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    expect(pages.flat()).toEqual(expected(trades, () => true));
    const last = pages.flat().at(-1);
    expect(last && (await store.queryTrades({}, 5, cursorOf(last)))).toEqual({
      trades: [],
      hasNextPage: false,
    });
    expect(await store.queryTrades({}, 0)).toEqual({ trades: [], hasNextPage: true });
  });

  it('reads oldest first, strictly after the cursor in that order', async () => {
    const store = harness.store();
    const trades = tradeSet();
    await store.insertTrades(trades);
    const oldest = expected(trades, () => true).reverse();
    const first = await store.queryTrades({}, 4, undefined, 'oldestFirst');
    expect(first).toEqual({ trades: oldest.slice(0, 4), hasNextPage: true });
    const next = await store.queryTrades({}, 100, cursorOf(oldest[3]!), 'oldestFirst');
    expect(next).toEqual({ trades: oldest.slice(4), hasNextPage: false });
  });
}

function filterTests(harness: Harness): void {
  it('filters by chain, pool and trader, in any combination and any address case', async () => {
    const store = harness.store();
    const trades = tradeSet();
    await store.insertTrades(trades);
    const pool1 = address(1, 1);
    const trader3 = address(2, 3);
    const cases: [TradeFilter, (t: TradeExecutedV1) => boolean][] = [
      [{ chainId: 10 }, (t) => t.chainId === 10],
      [{ pool: pool1.toUpperCase().replace('0X', '0x') }, (t) => t.pool === pool1],
      [{ trader: trader3 }, (t) => t.trader === trader3],
      [{ chainId: 1, pool: pool1 }, (t) => t.chainId === 1 && t.pool === pool1],
      [
        { chainId: 8453, pool: pool1, trader: trader3 },
        (t) => t.chainId === 8453 && t.pool === pool1 && t.trader === trader3,
      ],
      [{ chainId: 999 }, () => false],
    ];
    for (const [filter, keep] of cases) {
      const want = expected(trades, keep);
      expect((await allPages(store, filter, 4)).flat()).toEqual(want);
      expect(await store.countTrades(filter)).toBe(want.length);
    }
  });
}

function amountAndBatchTests(harness: Harness): void {
  it('keeps raw amounts exact up to 2^256 - 1', async () => {
    const store = harness.store();
    const big = trade({
      chainId: 1,
      blockNumber: 1,
      logIndex: 0,
      timestamp: t0,
      amountIn: maxUint256,
      amountOut: '0',
    });
    const odd = trade({
      chainId: 1,
      blockNumber: 2,
      logIndex: 0,
      timestamp: t0 + 12,
      amountIn: '1000000000000000000000000000001',
      amountOut: maxUint256,
    });
    await store.insertTrades([big, odd]);
    await store.insertTransfers([transfer(1, 1, 0, maxUint256)]);
    const { trades } = await store.queryTrades({ chainId: 1 }, 10);
    expect(trades.map((t) => [t.amountIn, t.amountOut])).toEqual([
      ['1000000000000000000000000000001', maxUint256],
      [maxUint256, '0'],
    ]);
    expect((await store.listTransfers(1))[0]?.value).toBe(maxUint256);
  });

  it('takes a large batch in one call', async () => {
    const store = harness.store();
    const trades = Array.from({ length: 20_000 }, (_, n) =>
      trade({
        chainId: 1,
        blockNumber: Math.floor(n / 10),
        logIndex: n % 10,
        timestamp: t0 + Math.floor(n / 10),
      }),
    );
    await store.insertTrades(trades);
    expect(await store.countTrades({ chainId: 1 })).toBe(20_000);
    expect((await store.queryTrades({}, 1)).trades).toEqual([trades.at(-1)]);
  });
}

function poolStateTests(harness: Harness): void {
  it('returns the V3 pool state exactly as inserted, extremes included', async () => {
    const store = harness.store();
    const high = v3Trade(
      { chainId: 1, blockNumber: 3, logIndex: 0, timestamp: t0 + 24 },
      { sqrtPriceX96: maxUint160, liquidity: maxUint128, tick: 887_272 },
    );
    const low = v3Trade(
      { chainId: 1, blockNumber: 2, logIndex: 1, timestamp: t0 + 12 },
      { sqrtPriceX96: '4295128739', liquidity: '0', tick: -887_272 },
    );
    const v2 = trade({ chainId: 1, blockNumber: 1, logIndex: 0, timestamp: t0 });
    await store.insertTrades([v2, low, high]);
    await store.insertTrades([high]); // redelivered: still one row, same state
    const { trades } = await store.queryTrades({ chainId: 1 }, 10);
    // Strict: a V2 trade reads back without the V3 keys, not with them set to undefined.
    expect(trades).toStrictEqual([high, low, v2]);
  });

  it('keeps V3 fields null for V2 trades, also next to V3 trades in one batch', async () => {
    const store = harness.store();
    const trades = tradeSet().map((t, n) =>
      n % 2 === 0
        ? t
        : v3Trade(t, {
            sqrtPriceX96: String(2n ** 96n + BigInt(n)),
            liquidity: String(n),
            tick: -n,
          }),
    );
    await store.insertTrades(trades);
    const stored = (await allPages(store, {}, 25)).flat();
    // Strict: each V2 trade has no V3 key at all, each V3 trade its own state.
    expect(stored).toStrictEqual(expected(trades, () => true));
  });

  it("does not store a trade's status: it depends on the finalized block when read", async () => {
    const store = harness.store();
    const plain = trade({ chainId: 1, blockNumber: 1, logIndex: 0, timestamp: t0 });
    await store.insertTrades([{ ...plain, status: 'finalized' }]);
    expect((await store.queryTrades({}, 1)).trades).toStrictEqual([plain]);
  });
}

function persistenceTests(harness: Harness): void {
  it('keeps its data after close and reopen', async () => {
    const store = harness.store();
    const trades = tradeSet();
    await store.insertTrades(trades);
    await store.insertTransfers([transfer(1, 5, 0, '10')]);
    await store.close();
    const reopened = await harness.reopen();
    expect(await reopened.countTrades()).toBe(60);
    expect((await reopened.queryTrades({ chainId: 1 }, 3)).trades).toEqual(
      expected(trades, (t) => t.chainId === 1).slice(0, 3),
    );
    expect(await reopened.listTransfers(1)).toEqual([transfer(1, 5, 0, '10')]);
  });
}

/** The behaviour every OlapStore adapter must show; `newLocation` gives each test empty storage. */
export function describeOlapStoreContract(
  label: string,
  newLocation: () => Promise<StoreLocation<OlapStore>>,
): void {
  describe(`OlapStore contract: ${label}`, () => {
    const track = closeAfterEach<OlapStore>();
    let location: StoreLocation<OlapStore>;
    let store: OlapStore;

    beforeEach(async () => {
      location = await newLocation();
      store = track(await location.open());
    });

    const harness: Harness = {
      store: () => store,
      reopen: async () => track(await location.open()),
    };
    idempotencyAndOrderTests(harness);
    filterTests(harness);
    amountAndBatchTests(harness);
    poolStateTests(harness);
    persistenceTests(harness);
  });
}
