import { describe, expect, it } from 'vitest';
import { StoreInputError } from '../../errors';
import { chunks, keysOfTrades, mergeCandleKeys } from './keys';

const pool = `0x${'ab'.repeat(20)}`;
const trader = `0x${'CD'.repeat(20)}`;

describe('analytics keys', () => {
  it("spans each pool's and trader's trades per chain, addresses in lower case", () => {
    const trades = [
      { chainId: 1, pool, trader, timestamp: 50 },
      { chainId: 1, pool, trader, timestamp: 10 },
      { chainId: 2, pool, trader, timestamp: 70 },
    ];
    expect(keysOfTrades(trades)).toEqual({
      candles: [
        { chainId: 1, pool, from: 10, to: 50 },
        { chainId: 2, pool, from: 70, to: 70 },
      ],
      wallets: [
        { chainId: 1, wallet: trader.toLowerCase(), from: 10, to: 50 },
        { chainId: 2, wallet: trader.toLowerCase(), from: 70, to: 70 },
      ],
    });
  });

  it('merges keys of one pool into one span, since a rebuild joins trades to spans by pool', () => {
    expect(
      mergeCandleKeys([
        { chainId: 1, pool: pool.toUpperCase().replace('0X', '0x'), from: 100, to: 200 },
        { chainId: 1, pool, from: 5_000, to: 6_000 },
      ]),
    ).toEqual([{ chainId: 1, pool, from: 100, to: 6_000 }]);
  });

  it('refuses a key that ends before it starts or names no address', () => {
    expect(() => mergeCandleKeys([{ chainId: 1, pool, from: 9, to: 8 }])).toThrow(StoreInputError);
    expect(() => mergeCandleKeys([{ chainId: 1, pool: 'x', from: 1, to: 2 }])).toThrow(/pool/);
  });

  it('slices long key lists', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
