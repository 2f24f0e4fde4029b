import { describe, expect, it } from 'vitest';
import { formatFixed, ONE, parseFixed } from '../money/fixed';
import { createPriceBook } from './price-book';
import {
  ABC,
  addV2,
  DAI,
  e,
  ODD,
  poolAddress,
  poolOf,
  syncOf,
  testBook,
  TKN,
  USDC,
  USDT,
  WBTC,
  WETH,
} from './test-helpers';

const usd = (text: string) => parseFixed(text);

describe('price book: pricing rules', () => {
  it('prices stablecoins at exactly $1 with nothing else known', () => {
    const book = testBook();
    expect(book.priceOf(USDC)).toEqual({
      token: USDC,
      priceUsd: ONE,
      source: { kind: 'stablecoin' },
      hops: 0,
      block: 0,
    });
    expect(book.priceOf(WETH)).toBeNull();
  });

  it('prices WETH from a V2 USDC/WETH pool (6 vs 18 decimals)', () => {
    const book = testBook();
    // 2,000,000 USDC (6 decimals) against 1,000 WETH (18): 2,000 USD per WETH; depth 2 x $2M.
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)], 42);
    expect(book.priceOf(WETH)).toEqual({
      token: WETH,
      priceUsd: usd('2000'),
      source: {
        kind: 'native',
        pools: [
          {
            pool: poolAddress(1),
            stablecoin: USDC,
            priceUsd: usd('2000'),
            liquidityUsd: usd('4000000'),
          },
        ],
      },
      hops: 1,
      block: 42,
    });
    expect(book.poolLiquidityUsd(poolAddress(1))).toBe(usd('4000000'));
  });

  it('weights WETH across stable pools by their liquidity', () => {
    const book = testBook();
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)]); // $2,000, depth $4.0M
    addV2(book, 2, [DAI, 1_100_000n * e(18)], [WETH, 500n * e(18)]); // $2,200, depth $2.2M
    // (2000 x 4.0M + 2200 x 2.2M) / 6.2M = 12,840,000,000 / 6,200,000 = 2070.96774193548387096774...
    // rounded half up at 18 places.
    const weth = book.priceOf(WETH)!;
    expect(formatFixed(weth.priceUsd)).toBe('2070.967741935483870968');
    expect(weth.source.kind === 'native' && weth.source.pools.map((p) => p.pool)).toEqual([
      poolAddress(1),
      poolAddress(2),
    ]);
  });

  it('never lets a dust pool set or move a price', () => {
    const book = testBook();
    // 0.01 WETH against 100 USDT: $10,000 per WETH but only $200 deep, under the $10,000 bar.
    addV2(book, 3, [WETH, e(16)], [USDT, 100n * e(6)]);
    expect(book.priceOf(WETH)).toBeNull();
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)]);
    expect(book.priceOf(WETH)?.priceUsd).toBe(usd('2000'));
    // A dust-only token stays unpriced: 1 TKN against 0.001 WETH is $4 deep.
    addV2(book, 4, [TKN, e(18)], [WETH, e(15)]);
    expect(book.priceOf(TKN)).toBeNull();
  });

  it('prices a token through WETH, from its deepest qualifying pool', () => {
    const book = testBook();
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)]);
    // TKN/WETH: 1,000,000 TKN vs 100 WETH -> 0.0001 WETH = $0.20; depth 2 x 100 x 2000 = $400,000.
    addV2(book, 5, [TKN, 1_000_000n * e(18)], [WETH, 100n * e(18)]);
    // TKN/USDC: 100,000 TKN vs 21,000 USDC -> $0.21, depth $42,000: qualifies but shallower.
    addV2(book, 6, [TKN, 100_000n * e(18)], [USDC, 21_000n * e(6)]);
    expect(book.priceOf(TKN)).toEqual({
      token: TKN,
      priceUsd: usd('0.2'),
      source: {
        kind: 'pool',
        pool: poolAddress(5),
        quoteToken: WETH,
        liquidityUsd: usd('400000'),
      },
      hops: 2,
      block: 10,
    });
    // The WETH pool drains to $8,000 deep: the USDC pool is now the deepest that qualifies.
    book.applyState(syncOf(5, [TKN, 10_000n * e(18)], [WETH, 2n * e(18)], 11));
    expect(book.priceOf(TKN)?.source).toMatchObject({ pool: poolAddress(6), quoteToken: USDC });
    expect(book.priceOf(TKN)?.priceUsd).toBe(usd('0.21'));
  });

  it('walks outwards hop by hop, and an 8-decimal token through WETH', () => {
    const book = testBook();
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)]);
    addV2(book, 5, [TKN, 1_000_000n * e(18)], [WETH, 100n * e(18)]); // TKN $0.20
    // ABC only trades against TKN: 5,000 ABC vs 50,000 TKN -> 10 TKN = $2; depth 2 x $10,000.
    addV2(book, 7, [ABC, 5_000n * e(18)], [TKN, 50_000n * e(18)]);
    expect(book.priceOf(ABC)).toMatchObject({ priceUsd: usd('2'), hops: 3 });
    // 10 WBTC (8 decimals) vs 150 WETH -> 15 WETH = $30,000.
    addV2(book, 8, [WBTC, 10n * e(8)], [WETH, 150n * e(18)]);
    expect(book.priceOf(WBTC)?.priceUsd).toBe(usd('30000'));
  });

  it('prices nothing whose decimals are unknown, and no token from an empty pool', () => {
    const book = testBook();
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)]);
    addV2(book, 9, [ODD, 1_000n], [WETH, 100n * e(18)]);
    expect(book.priceOf(ODD)).toBeNull();
    addV2(book, 10, [TKN, 0n], [WETH, 100n * e(18)]);
    expect(book.priceOf(TKN)).toBeNull();
  });

  it('keeps the wrapped native token to its stable pools', () => {
    const book = testBook();
    // TKN is priced through USDC, but a deep TKN/WETH pool does not price WETH.
    addV2(book, 6, [TKN, 1_000_000n * e(18)], [USDC, 200_000n * e(6)]);
    addV2(book, 5, [TKN, 1_000_000n * e(18)], [WETH, 100n * e(18)]);
    expect(book.priceOf(TKN)?.priceUsd).toBe(usd('0.2'));
    expect(book.priceOf(WETH)).toBeNull();
  });

  it('breaks a tie between equally deep pools by pool address, whatever the order they came in', () => {
    const prices = [
      [11, 12],
      [12, 11],
    ].map((order) => {
      const book = testBook();
      addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)]);
      for (const n of order) {
        // Same depth ($400,000), different prices: 0.2 and 0.25 WETH per 1,000 TKN.
        const tkn = n === 11 ? 1_000_000n : 800_000n;
        addV2(book, n, [TKN, tkn * e(18)], [WETH, 100n * e(18)]);
      }
      return book.priceOf(TKN);
    });
    expect(prices[0]).toEqual(prices[1]);
    expect(prices[0]?.source).toMatchObject({ pool: poolAddress(11) });
  });

  it('ignores redelivered and out-of-date state, and events of unknown pools', () => {
    const book = testBook();
    book.applyPool(poolOf(1, [USDC, WETH]));
    const first = syncOf(1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)], 20);
    const second = syncOf(1, [USDC, 1_000_000n * e(6)], [WETH, 1_000n * e(18)], 21);
    expect(book.applyState(first)).toBe(true);
    expect(book.applyState(second)).toBe(true);
    expect(book.applyState(first)).toBe(false);
    expect(book.applyState(second)).toBe(false);
    expect(book.priceOf(WETH)?.priceUsd).toBe(usd('1000'));
    expect(book.applyState(syncOf(99, [USDC, 1n], [WETH, 1n], 22))).toBe(false);
    expect(book.block).toBe(21);
  });

  it('refuses events of another chain and a pool redefined with other tokens', () => {
    const book = testBook();
    expect(book.applyPool(poolOf(1, [USDC, WETH]))).toBe(true);
    expect(book.applyPool(poolOf(1, [USDC, WETH]))).toBe(false);
    expect(() => book.applyPool(poolOf(1, [DAI, WETH]))).toThrow(/already known/);
    expect(() => book.applyPool({ ...poolOf(2, [DAI, WETH]), chainId: 10 })).toThrow(
      /chain 10, this price book prices chain 1/,
    );
    expect(() => book.applyState({ ...syncOf(1, [USDC, 1n], [WETH, 1n]), reserve0: '-1' })).toThrow(
      /reserve0: expected an unsigned integer/,
    );
  });

  it('lets a V3 pool known without its fee tier learn it, and nothing else', () => {
    const book = testBook();
    expect(book.applyPool(poolOf(3, [USDC, WETH], 'uniswap-v3'))).toBe(true);
    expect(book.snapshotPool(poolAddress(3))?.feePpm).toBeNull();
    expect(book.applyPool(poolOf(3, [USDC, WETH], 'uniswap-v3', 500))).toBe(true);
    expect(book.snapshotPool(poolAddress(3))?.feePpm).toBe(500);
    expect(book.applyPool(poolOf(3, [USDC, WETH], 'uniswap-v3', 500))).toBe(false);
    expect(() => book.applyPool(poolOf(3, [USDC, WETH], 'uniswap-v3', 3000))).toThrow(
      /already known/,
    );
    expect(book.applyPool(poolOf(3, [USDC, WETH], 'uniswap-v3'))).toBe(false);
    expect(() => book.applyPool(poolOf(3, [DAI, WETH], 'uniswap-v3'))).toThrow(/already known/);
  });

  it('checks its configuration once, naming the bad setting', () => {
    const base = {
      chainId: 1,
      stablecoins: [USDC],
      wrappedNative: WETH,
      minLiquidityUsd: 0n,
      decimals: (t: string) => (t === WETH ? 300 : 6), // 300 is no ERC-20 decimals
    };
    expect(() => createPriceBook({ ...base, stablecoins: ['0x12'] })).toThrow(
      /stablecoins\[0\]: expected a 0x-prefixed 20-byte address/,
    );
    expect(() => createPriceBook({ ...base, stablecoins: [USDC, WETH] })).toThrow(
      /cannot also be a stablecoin/,
    );
    expect(() => createPriceBook({ ...base, minLiquidityUsd: -1n })).toThrow(/minLiquidityUsd/);
    expect(() => createPriceBook({ ...base, chainId: 0 })).toThrow(/chainId/);
    // Mixed-case addresses are fine; absurd decimals mean "unknown", so WETH stays unpriced.
    const book = createPriceBook({
      ...base,
      stablecoins: [USDC.toUpperCase().replace('0X', '0x')],
    });
    expect(book.priceOf(USDC)?.priceUsd).toBe(ONE);
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)]);
    expect(book.priceOf(WETH)).toBeNull();
  });
});
