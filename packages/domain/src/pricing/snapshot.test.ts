import { describe, expect, it } from 'vitest';
import { createPriceBook } from './price-book';
import type { PriceBookSnapshot } from './snapshot';
import {
  addV2,
  DAI,
  DECIMALS,
  e,
  poolAddress,
  poolOf,
  syncOf,
  testBook,
  TKN,
  tradeOf,
  USDC,
  USDT,
  WETH,
} from './test-helpers';

function populated() {
  const book = testBook();
  addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)], 30);
  addV2(book, 5, [TKN, 1_000_000n * e(18)], [WETH, 100n * e(18)], 31);
  book.applyPool(poolOf(2, [USDC, WETH], 'uniswap-v3', 500));
  book.applyTrade(
    tradeOf({
      pool: 2,
      protocol: 'uniswap-v3',
      tokenIn: USDC,
      tokenOut: WETH,
      amountIn: 250_000_000n,
      amountOut: 133_540_249_961_966_242n,
      sqrtPriceX96: 1831572921993353629224514890279929n,
      liquidity: 21515292778146213135n,
      blockNumber: 32,
    }),
  );
  book.applyPool(poolOf(3, [USDT, WETH], 'uniswap-v3')); // no fee known, no state yet
  return book;
}

describe('price book: snapshot and restore', () => {
  it('round-trips through JSON text to an equal book', () => {
    const book = populated();
    const text = JSON.stringify(book.snapshot());
    const copy = testBook();
    copy.restore(JSON.parse(text) as PriceBookSnapshot);
    expect(copy.snapshot()).toEqual(book.snapshot());
    expect(copy.block).toBe(32);
    expect(copy.prices()).toEqual(book.prices());
    expect(copy.prices().map((p) => p.token)).toEqual([DAI, TKN, USDC, USDT, WETH].sort());
    expect(JSON.stringify(copy.snapshot())).toBe(text);
  });

  it('gives one pool as it appears in the whole snapshot, and null for an unknown pool', () => {
    const book = populated();
    for (const pool of book.snapshot().pools) expect(book.snapshotPool(pool.pool)).toEqual(pool);
    expect(book.snapshotPool(poolAddress(2).toUpperCase().replace('0X', '0x'))).toEqual(
      book.snapshot().pools.find((p) => p.pool === poolAddress(2)),
    );
    expect(book.snapshotPool(poolAddress(99))).toBeNull();
  });

  it('rolls back to an earlier snapshot (what a reorg needs)', () => {
    const book = populated();
    const before = book.snapshot();
    const wethBefore = book.priceOf(WETH);
    book.applyState(syncOf(1, [USDC, 1_000_000n * e(6)], [WETH, 1_000n * e(18)], 33));
    expect(book.priceOf(WETH)).not.toEqual(wethBefore);
    book.restore(before);
    expect(book.priceOf(WETH)).toEqual(wethBefore);
    expect(book.block).toBe(32);
    // The rolled-back block can be applied again.
    expect(book.applyState(syncOf(1, [USDC, 1_000_000n * e(6)], [WETH, 1_000n * e(18)], 33))).toBe(
      true,
    );
  });

  it('lists pools in address order, so equal books give equal snapshots', () => {
    const events = [
      [poolOf(1, [USDC, WETH]), syncOf(1, [USDC, 1n], [WETH, 1n])],
      [poolOf(2, [USDT, WETH]), syncOf(2, [USDT, 1n], [WETH, 1n])],
    ] as const;
    const [a, b] = [testBook(), testBook()];
    for (const [pool, sync] of events) {
      a.applyPool(pool);
      a.applyState(sync);
    }
    for (const [pool, sync] of [...events].reverse()) {
      b.applyPool(pool);
      b.applyState(sync);
    }
    expect(a.snapshot().pools.map((p) => p.pool)).toEqual([poolAddress(1), poolAddress(2)]);
    expect(JSON.stringify(a.snapshot())).toBe(JSON.stringify(b.snapshot()));
  });

  it('refuses a snapshot of another chain, version or shape, saying where', () => {
    const book = populated();
    const good = book.snapshot();
    const other = createPriceBook({
      chainId: 10,
      stablecoins: [USDC],
      wrappedNative: WETH,
      minLiquidityUsd: 0n,
      decimals: (t) => DECIMALS[t],
    });
    expect(() => other.restore(good)).toThrow(/of chain 1, this book prices chain 10/);
    expect(() => book.restore({ ...good, version: 2 } as unknown as PriceBookSnapshot)).toThrow(
      /unknown version 2/,
    );
    const badReserve = JSON.parse(JSON.stringify(good)) as PriceBookSnapshot;
    badReserve.pools[0]!.state = { kind: 'v2', reserve0: '12.5', reserve1: '1' };
    expect(() => book.restore(badReserve)).toThrow(/pools\[0\]\.state\.reserve0/);
    const twice = { ...good, pools: [good.pools[0]!, good.pools[0]!] };
    expect(() => book.restore(twice)).toThrow(/appears twice/);
    // A refused snapshot leaves the book as it was.
    expect(book.snapshot()).toEqual(good);
  });
});
