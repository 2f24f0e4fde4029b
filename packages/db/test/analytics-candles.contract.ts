import type { AnalyticsOlapStore, Candle, CandleInterval } from '@tidemark/domain';
import { expect, it } from 'vitest';
import { D, DAY, HOUR, blockHash, pool, pricedTrade } from './analytics-fixtures';

/**
 * Seven trades of one pool: three in the first minute (two in one block, out of log order), one in
 * the next minute, an unpriced one in the second hour, one after four hours, one the next day.
 */
const candleTrades = [
  pricedTrade({
    block: 100,
    at: D + 10,
    trader: 1,
    side: 'buy',
    base: '1000',
    quote: '2000',
    priceQuote: '2',
    priceUsd: '2.5',
    volumeUsd: '0.1',
  }),
  pricedTrade({
    block: 101,
    log: 1,
    at: D + 50,
    trader: 2,
    side: 'sell',
    base: '300',
    quote: '570',
    priceQuote: '1.9',
    priceUsd: '2.375',
    volumeUsd: '0.000000000000000001',
  }),
  pricedTrade({
    block: 101,
    log: 0,
    at: D + 50,
    trader: 1,
    side: 'buy',
    base: '500',
    quote: '1100',
    priceQuote: '2.2',
    priceUsd: '2.75',
    volumeUsd: '0.2',
  }),
  pricedTrade({
    block: 102,
    at: D + 70,
    trader: 1,
    side: 'buy',
    base: '100',
    quote: '250',
    priceQuote: '2.5',
    priceUsd: '3.125',
    volumeUsd: '1.7',
  }),
  pricedTrade({
    block: 200,
    log: 3,
    at: D + HOUR + 5,
    trader: 3,
    side: 'sell',
    base: '10',
    quote: '21',
    priceQuote: '2.1',
    priceUsd: null,
    volumeUsd: null,
  }),
  pricedTrade({
    block: 300,
    at: D + 4 * HOUR + 1,
    trader: 1,
    side: 'sell',
    base: '400',
    quote: '1200',
    priceQuote: '3',
    priceUsd: '3.75',
    volumeUsd: '12.345678901234567891',
  }),
  pricedTrade({
    block: 400,
    at: D + DAY + 7,
    trader: 2,
    side: 'sell',
    base: '50',
    quote: '90',
    priceQuote: '1.8',
    priceUsd: '2.25',
    volumeUsd: '0.5',
  }),
];

type Row = [
  bucket: number,
  usd: [string, string, string, string] | null,
  quote: [string, string, string, string],
  volumeUsd: string,
  baseVolume: string,
  quoteVolume: string,
  counts: [trades: number, buys: number, sells: number, uniqueTraders: number],
];

function candle(interval: CandleInterval, row: Row): Candle {
  const [bucket, usd, [open, high, low, close], volumeUsd, baseVolume, quoteVolume, counts] = row;
  const [trades, buys, sells, uniqueTraders] = counts;
  return {
    chainId: 1,
    pool: pool(1),
    interval,
    bucket,
    openUsd: usd?.[0] ?? null,
    highUsd: usd?.[1] ?? null,
    lowUsd: usd?.[2] ?? null,
    closeUsd: usd?.[3] ?? null,
    open,
    high,
    low,
    close,
    volumeUsd,
    baseVolume,
    quoteVolume,
    trades,
    buys,
    sells,
    uniqueTraders,
  };
}

// Worked out by hand from candleTrades; within a bucket trades go by (block, log index).
const firstMinute: Row = [
  D,
  ['2.5', '2.75', '2.375', '2.375'],
  ['2', '2.2', '1.9', '1.9'],
  '0.300000000000000001',
  '1800',
  '3670',
  [3, 2, 1, 2],
];
const secondMinute: Row = [
  D + 60,
  ['3.125', '3.125', '3.125', '3.125'],
  ['2.5', '2.5', '2.5', '2.5'],
  '1.7',
  '100',
  '250',
  [1, 1, 0, 1],
];
const firstFive: Row = [
  D,
  ['2.5', '3.125', '2.375', '3.125'],
  ['2', '2.5', '1.9', '2.5'],
  '2.000000000000000001',
  '1900',
  '3920',
  [4, 3, 1, 2],
];
const unpriced: Row = [D + HOUR, null, ['2.1', '2.1', '2.1', '2.1'], '0', '10', '21', [1, 0, 1, 1]];
const afterFour: Row = [
  D + 4 * HOUR,
  ['3.75', '3.75', '3.75', '3.75'],
  ['3', '3', '3', '3'],
  '12.345678901234567891',
  '400',
  '1200',
  [1, 0, 1, 1],
];
const nextDay: Row = [
  D + DAY,
  ['2.25', '2.25', '2.25', '2.25'],
  ['1.8', '1.8', '1.8', '1.8'],
  '0.5',
  '50',
  '90',
  [1, 0, 1, 1],
];
const firstFour: Row = [
  D,
  ['2.5', '3.125', '2.375', '3.125'],
  ['2', '2.5', '1.9', '2.1'],
  '2.000000000000000001',
  '1910',
  '3941',
  [5, 3, 2, 3],
];
const firstDay: Row = [
  D,
  ['2.5', '3.75', '2.375', '3.75'],
  ['2', '3', '1.9', '3'],
  '14.345678901234567892',
  '2310',
  '5141',
  [6, 3, 3, 3],
];

const expectedCandles: Record<CandleInterval, Row[]> = {
  '1m': [firstMinute, secondMinute, unpriced, afterFour, nextDay],
  '5m': [firstFive, unpriced, afterFour, nextDay],
  '15m': [firstFive, unpriced, afterFour, nextDay],
  '1h': [firstFive, unpriced, afterFour, nextDay],
  '4h': [firstFour, afterFour, nextDay],
  '1d': [firstDay, nextDay],
};

const allCandles = (store: AnalyticsOlapStore, interval: CandleInterval) =>
  store.candles({ chainId: 1, pool: pool(1), interval, from: D, to: D + 2 * DAY, limit: 100 });

async function expectCandles(store: AnalyticsOlapStore, want: Record<CandleInterval, Row[]>) {
  for (const [interval, rows] of Object.entries(want) as [CandleInterval, Row[]][]) {
    expect(await allCandles(store, interval), interval).toEqual(
      rows.map((row) => candle(interval, row)),
    );
  }
}

export function candleTests(store: () => AnalyticsOlapStore): void {
  it('builds OHLCV for every interval exactly as worked out by hand', async () => {
    const keys = await store().insertPricedTrades(candleTrades);
    expect(keys.candles).toEqual([{ chainId: 1, pool: pool(1), from: D + 10, to: D + DAY + 7 }]);
    await store().recomputeCandles(keys.candles);
    await expectCandles(store(), expectedCandles);
  });

  it('rebuilds exactly after a retraction, and an emptied bucket disappears', async () => {
    const keys = await store().insertPricedTrades(candleTrades);
    await store().recomputeCandles(keys.candles);
    // Block 102 held the second minute's only trade, the five-minute bucket's close and high.
    const touched = await store().touchedByBlocks(1, [blockHash(1, 102)]);
    expect(touched.candles).toEqual([{ chainId: 1, pool: pool(1), from: D + 70, to: D + 70 }]);
    expect(await store().retractBlocks(1, [blockHash(1, 102)])).toEqual(touched);
    const withoutFirstMinute: Row = [
      D,
      ['2.5', '2.75', '2.375', '2.375'],
      ['2', '2.2', '1.9', '1.9'],
      '0.300000000000000001',
      '1800',
      '3670',
      [3, 2, 1, 2],
    ];
    const want: Record<CandleInterval, Row[]> = {
      '1m': [firstMinute, unpriced, afterFour, nextDay],
      '5m': [withoutFirstMinute, unpriced, afterFour, nextDay],
      '15m': [withoutFirstMinute, unpriced, afterFour, nextDay],
      '1h': [withoutFirstMinute, unpriced, afterFour, nextDay],
      '4h': [
        [
          D,
          ['2.5', '2.75', '2.375', '2.375'],
          ['2', '2.2', '1.9', '2.1'],
          '0.300000000000000001',
          '1810',
          '3691',
          [4, 2, 2, 3],
        ],
        afterFour,
        nextDay,
      ],
      '1d': [
        [
          D,
          ['2.5', '3.75', '2.375', '3.75'],
          ['2', '3', '1.9', '3'],
          '12.645678901234567892',
          '2210',
          '4891',
          [5, 2, 3, 3],
        ],
        nextDay,
      ],
    };
    await expectCandles(store(), want);
    // Idempotent, and an explicit rebuild of the same keys changes nothing.
    expect(await store().retractBlocks(1, [blockHash(1, 102)])).toEqual({
      candles: [],
      wallets: [],
    });
    await store().recomputeCandles(touched.candles);
    await expectCandles(store(), want);
  });

  it('leaves the same candles when trades and rebuilds are delivered twice', async () => {
    const keys = await store().insertPricedTrades(candleTrades);
    await store().recomputeCandles(keys.candles);
    await store().insertPricedTrades(candleTrades.slice(2, 5));
    await store().insertPricedTrades(candleTrades);
    await store().recomputeCandles(keys.candles);
    await store().recomputeCandles([...keys.candles, ...keys.candles]);
    await expectCandles(store(), expectedCandles);
  });

  it('leaves out prices a trade does not have, and a bucket with none has null prices', async () => {
    const keys = await store().insertPricedTrades([
      pricedTrade({ block: 1, at: D + 5, pool: 2, trader: 1, priceQuote: null, priceUsd: '3' }),
      pricedTrade({ block: 2, at: D + 6, pool: 2, trader: 1, priceQuote: '0.5', priceUsd: '4' }),
      pricedTrade({ block: 3, at: D + 7, pool: 3, trader: 1, priceQuote: null, priceUsd: null }),
    ]);
    await store().recomputeCandles(keys.candles);
    const q = { chainId: 1, interval: '1m' as const, from: D, to: D + 60, limit: 10 };
    const [two] = await store().candles({ ...q, pool: pool(2) });
    expect([two?.openUsd, two?.closeUsd, two?.open, two?.high, two?.low, two?.close]).toEqual([
      '3',
      '4',
      '0.5',
      '0.5',
      '0.5',
      '0.5',
    ]);
    const [three] = await store().candles({ ...q, pool: pool(3) });
    expect([three?.openUsd, three?.open, three?.close, three?.trades]).toEqual([
      null,
      null,
      null,
      1,
    ]);
  });

  it('pages candles oldest first from the bucket holding `from`, at most `limit`', async () => {
    const keys = await store().insertPricedTrades(candleTrades);
    await store().recomputeCandles(keys.candles);
    const q = { chainId: 1, pool: pool(1), interval: '1m' as const, limit: 2 };
    const page = await store().candles({ ...q, from: D + 30, to: D + 2 * DAY });
    expect(page.map((c) => c.bucket)).toEqual([D, D + 60]);
    const next = await store().candles({ ...q, from: D + 120, to: D + 4 * HOUR });
    expect(next.map((c) => c.bucket)).toEqual([D + HOUR]);
    expect(await store().candles({ ...q, pool: pool(2), from: D, to: D + DAY })).toEqual([]);
  });
}
