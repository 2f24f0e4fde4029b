import type { CandleUpdatedV1, WalletUpdatedV1 } from '@tidemark/schema';
import { describe, expect, it } from 'vitest';
import { AnalyticsFanout, type CandleUpdateView } from '../src/live/analytics-fanout';

const pool = `0x${'1'.repeat(40)}` as const;
const wallet = `0x${'2'.repeat(40)}` as const;

function candle(bucket: number): CandleUpdatedV1 {
  return {
    type: 'CandleUpdatedV1',
    chainId: 1,
    pool,
    interval: '1m',
    bucket,
    blockNumber: 3,
    ...{ openUsd: '1', highUsd: '1', lowUsd: '1', closeUsd: '1' },
    ...{ open: '1', high: '1', low: '1', close: '1' },
    ...{ volumeUsd: '1', baseVolume: '1', quoteVolume: '1' },
    ...{ trades: 1, buys: 1, sells: 0, uniqueTraders: 1 },
  };
}

const walletUpdate: WalletUpdatedV1 = {
  type: 'WalletUpdatedV1',
  chainId: 1,
  wallet,
  blockNumber: 3,
  totals: {
    ...{ volumeUsd: '1', feesUsd: '0', gasFeesUsd: '0', realizedPnlUsd: '0' },
    ...{ trades: 1, closes: 0, wins: 0, winRate: null },
  },
};

async function times(stream: AsyncIterator<CandleUpdateView>, count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) {
    const result = await stream.next();
    if (result.done === true) throw new Error('the stream ended');
    seen.push(result.value.candle.time);
  }
  return seen;
}

describe('AnalyticsFanout', () => {
  it('shares one view per update among the followers, and ends only a lagging one', async () => {
    const fanout = new AnalyticsFanout(3);
    const overflows: string[] = [];
    const fast = fanout.subscribeCandles({ chainId: 1, pool, interval: '1m' }, () =>
      overflows.push('fast'),
    );
    const slow = fanout.subscribeCandles({ chainId: 1, pool, interval: '1m' }, () =>
      overflows.push('slow'),
    );
    fanout.publish([candle(60), candle(120)]);
    const [first] = await Promise.all([fast.next(), times(fast, 1)]);
    expect(first.value).toBe((await slow.next()).value);
    fanout.publish([candle(180), candle(240), candle(300)]);
    expect(await times(fast, 3)).toEqual([180, 240, 300]);
    expect(overflows).toEqual(['slow']);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
  });

  it("gives a wallet's follower on one chain that chain's updates only", async () => {
    const fanout = new AnalyticsFanout(5);
    const stream = fanout.subscribeWallet({ address: wallet, chainId: 2 }, () => {
      throw new Error('no overflow expected');
    });
    fanout.publish([walletUpdate, { ...walletUpdate, chainId: 2, blockNumber: 8 }]);
    const next = await stream.next();
    expect(next.value).toMatchObject({ chainId: 2, blockNumber: 8, totals: { window: 'all' } });
    await stream.return?.();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
