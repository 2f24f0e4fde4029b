import { describe, expect, it } from 'vitest';
import { parseAnalyticsUpdate } from './analytics-updates';
import { InvalidEventError } from './parse-event';

const candle = {
  type: 'CandleUpdatedV1',
  chainId: 1,
  pool: `0x${'AB'.repeat(20)}`,
  interval: '5m',
  bucket: 1_700_000_100,
  blockNumber: 42,
  openUsd: '1.5',
  highUsd: '2',
  lowUsd: '1.25',
  closeUsd: '1.75',
  open: null,
  high: null,
  low: null,
  close: null,
  volumeUsd: '1234.000000000000000001',
  baseVolume: '1000000000000000000',
  quoteVolume: '1750000',
  trades: 3,
  buys: 2,
  sells: 1,
  uniqueTraders: 2,
};

const wallet = {
  type: 'WalletUpdatedV1',
  chainId: 31337,
  wallet: `0x${'Cd'.repeat(20)}`,
  blockNumber: 7,
  totals: {
    volumeUsd: '100',
    feesUsd: '0.3',
    gasFeesUsd: '0.01',
    realizedPnlUsd: '-4.5',
    trades: 2,
    closes: 1,
    wins: 0,
    winRate: '0',
  },
};

const rejects = (value: unknown, where: string) => {
  expect(() => parseAnalyticsUpdate(value)).toThrow(InvalidEventError);
  expect(() => parseAnalyticsUpdate(value)).toThrow(`invalid analytics update at ${where}`);
};

describe('CandleUpdatedV1', () => {
  it('parses a candle snapshot and lower-cases the pool', () => {
    expect(parseAnalyticsUpdate(candle)).toEqual({ ...candle, pool: `0x${'ab'.repeat(20)}` });
  });

  it('accepts an emptied bucket (a reorg took its trades)', () => {
    const empty = {
      ...candle,
      ...{ openUsd: null, highUsd: null, lowUsd: null, closeUsd: null },
      ...{ volumeUsd: '0', baseVolume: '0', quoteVolume: '0' },
      ...{ trades: 0, buys: 0, sells: 0, uniqueTraders: 0 },
    };
    expect(parseAnalyticsUpdate(empty)).toMatchObject({ trades: 0, closeUsd: null });
  });

  it('refuses floats for money, unknown intervals and negative counts, naming the field', () => {
    rejects({ ...candle, volumeUsd: 1.5 }, 'volumeUsd');
    rejects({ ...candle, closeUsd: '1e3' }, 'closeUsd');
    rejects({ ...candle, baseVolume: '-1' }, 'baseVolume');
    rejects({ ...candle, interval: 'M5' }, 'interval');
    rejects({ ...candle, trades: -1 }, 'trades');
    rejects({ ...candle, bucket: undefined }, 'bucket');
  });
});

describe('WalletUpdatedV1', () => {
  it('parses totals with a null win rate', () => {
    const parsed = parseAnalyticsUpdate({ ...wallet, totals: { ...wallet.totals, winRate: null } });
    expect(parsed).toMatchObject({ wallet: `0x${'cd'.repeat(20)}`, totals: { winRate: null } });
  });

  it('refuses a bad address or total, and an unknown type, as not retryable', () => {
    rejects({ ...wallet, wallet: '0x1234' }, 'wallet');
    rejects(
      { ...wallet, totals: { ...wallet.totals, realizedPnlUsd: '+1' } },
      'totals.realizedPnlUsd',
    );
    rejects({ ...wallet, type: 'BlockV1' }, 'type');
    let error: unknown;
    try {
      parseAnalyticsUpdate({ ...wallet, chainId: 0 });
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ retryable: false });
  });
});
