import { describe, expect, it } from 'vitest';
import type { Trade } from './schemas';
import { FEED_LIMIT, mergeTrades, retractTrades } from './feed';

function trade(blockNumber: number, logIndex = 0, chainId = 1): Trade {
  return {
    id: `${chainId}:0xb${blockNumber}:0xt${blockNumber}:${logIndex}`,
    chainId,
    blockNumber,
    txHash: `0xt${blockNumber}`,
    logIndex,
    timestamp: 1_700_000_000 + blockNumber * 12,
    protocol: 'uniswap-v2',
    pool: '0xpool',
    trader: '0xtrader',
    tokenIn: '0xa',
    tokenOut: '0xb',
    amountIn: '1000',
    amountOut: '2000',
  };
}

const ids = (trades: readonly Trade[]): string[] => trades.map((t) => t.id);

describe('mergeTrades', () => {
  it('puts a new trade on top', () => {
    const feed = mergeTrades([], [trade(1), trade(2)]);
    expect(ids(mergeTrades(feed, [trade(3)]))).toEqual(ids([trade(3), trade(2), trade(1)]));
  });

  it('orders trades of one block by log index, newest first', () => {
    expect(ids(mergeTrades([], [trade(5, 0), trade(5, 2), trade(5, 1)]))).toEqual(
      ids([trade(5, 2), trade(5, 1), trade(5, 0)]),
    );
  });

  it('keeps one row per trade id when the query and the subscription overlap', () => {
    const live = mergeTrades([], [trade(10), trade(11)]);
    const merged = mergeTrades(live, [trade(9), trade(10), trade(11)]);
    expect(ids(merged)).toEqual(ids([trade(11), trade(10), trade(9)]));
  });

  it('lets the latest copy of a trade win', () => {
    const updated = { ...trade(7), amountOut: '999' };
    expect(mergeTrades([trade(7)], [updated])[0]?.amountOut).toBe('999');
  });

  it('keeps only the newest trades up to the limit', () => {
    const many = Array.from({ length: FEED_LIMIT + 20 }, (_, i) => trade(i));
    const merged = mergeTrades([], many);
    expect(merged).toHaveLength(FEED_LIMIT);
    expect(merged[0]?.blockNumber).toBe(FEED_LIMIT + 19);
    expect(merged.at(-1)?.blockNumber).toBe(20);
    expect(mergeTrades(merged, [trade(0)])).toHaveLength(FEED_LIMIT);
  });

  it('does not change the array it was given', () => {
    const current = [trade(1)];
    mergeTrades(current, [trade(2)]);
    expect(ids(current)).toEqual(ids([trade(1)]));
  });
});

describe('retractTrades', () => {
  it('removes the trades of the orphaned blocks of that chain only', () => {
    const feed = mergeTrades([], [trade(1), trade(2, 0), trade(2, 1), trade(3), trade(2, 0, 5)]);
    const left = retractTrades(feed, { chainId: 1, blockHashes: ['0xB2', '0xb3'] });
    expect(ids(left)).toEqual(ids([trade(2, 0, 5), trade(1)]));
    expect(retractTrades(left, { chainId: 1, blockHashes: ['0xb2'] })).toEqual(left);
  });
});
