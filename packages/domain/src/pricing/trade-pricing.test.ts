import { describe, expect, it } from 'vitest';
import { formatFixed, parseFixed } from '../money/fixed';
import {
  ABC,
  addV2,
  e,
  ODD,
  poolOf,
  testBook,
  TKN,
  tradeOf,
  USDC,
  USDT,
  WBTC,
  WETH,
} from './test-helpers';

const usd = (text: string) => parseFixed(text);
const text = (value: bigint | null) => (value === null ? null : formatFixed(value));

/** A book where WETH is $2,000 (one V2 USDC/WETH pool, pool 1). */
function wethAt2000() {
  const book = testBook();
  addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)]);
  return book;
}

describe('price book: trades', () => {
  it('prices a V2 USDC->WETH trade from its own amounts, with the 0.3% fee', () => {
    const book = wethAt2000();
    const trade = tradeOf({
      pool: 1,
      tokenIn: USDC,
      tokenOut: WETH,
      amountIn: 2_000n * e(6),
      amountOut: 99n * e(16),
    });
    const priced = book.priceTrade(trade);
    // WETH is the base (USDC is the quote): 2,000 USDC / 0.99 WETH = 2020.2020...20|20 -> 18 places.
    expect(priced).toMatchObject({ baseToken: WETH, quoteToken: USDC });
    expect(text(priced.priceUsd)).toBe('2020.20202020202020202');
    expect(text(priced.volumeUsd)).toBe('2000');
    expect(text(priced.feeUsd)).toBe('6'); // 0.3% of $2,000
    expect(priced.source?.source).toEqual({ kind: 'stablecoin' });
    expect(priced.gasFeeUsd).toBeNull();
  });

  it('values a token-to-token trade through its priced reference leg', () => {
    const book = wethAt2000();
    addV2(book, 8, [WBTC, 10n * e(8)], [WETH, 150n * e(18)]);
    // 0.5 WBTC (8 decimals) in for 7.4 WETH out: WETH is the quote at $2,000.
    const priced = book.priceTrade(
      tradeOf({
        pool: 8,
        tokenIn: WBTC,
        tokenOut: WETH,
        amountIn: 5n * e(7),
        amountOut: 74n * e(17),
      }),
    );
    expect(priced).toMatchObject({ baseToken: WBTC, quoteToken: WETH });
    expect(text(priced.priceUsd)).toBe('29600'); // 7.4 x 2000 / 0.5
    expect(text(priced.volumeUsd)).toBe('14800'); // 7.4 x 2000
    expect(text(priced.feeUsd)).toBe('44.4');
    expect(priced.source?.token).toBe(WETH);
  });

  it('quotes the side closer to a $1 anchor when neither side is a stablecoin or WETH', () => {
    const book = wethAt2000();
    addV2(book, 5, [TKN, 1_000_000n * e(18)], [WETH, 100n * e(18)]); // TKN $0.20, 2 hops
    addV2(book, 7, [ABC, 5_000n * e(18)], [TKN, 50_000n * e(18)]); // ABC $2, 3 hops
    // 1 ABC in for 9.9 TKN out: TKN is the quote; ABC at 9.9 x 0.2 = $1.98.
    const priced = book.priceTrade(
      tradeOf({ pool: 7, tokenIn: ABC, tokenOut: TKN, amountIn: e(18), amountOut: 99n * e(17) }),
    );
    expect(priced).toMatchObject({ baseToken: ABC, quoteToken: TKN });
    expect(text(priced.priceUsd)).toBe('1.98');
    expect(text(priced.volumeUsd)).toBe('1.98');
  });

  it('falls back to the base leg when only the base is priced', () => {
    const book = testBook(); // WETH has no stable pool: unpriced
    addV2(book, 6, [TKN, 1_000_000n * e(18)], [USDC, 200_000n * e(6)]); // TKN $0.20
    book.applyPool(poolOf(5, [TKN, WETH]));
    const priced = book.priceTrade(
      tradeOf({
        pool: 5,
        tokenIn: TKN,
        tokenOut: WETH,
        amountIn: 10_000n * e(18),
        amountOut: e(18),
      }),
    );
    expect(priced).toMatchObject({ baseToken: TKN, quoteToken: WETH });
    expect(text(priced.priceUsd)).toBe('0.2');
    expect(text(priced.volumeUsd)).toBe('2000');
    expect(priced.source?.token).toBe(TKN);
  });

  it('prices a V3 trade with the pool fee tier (0.05%) before applying its state', () => {
    const book = testBook();
    book.applyPool(poolOf(2, [USDC, WETH], 'uniswap-v3', 500));
    // A real USDC/WETH 0.05% swap (mainnet block 17179063, log 319): 250 USDC in, 0.1335 WETH out.
    const trade = tradeOf({
      pool: 2,
      protocol: 'uniswap-v3',
      tokenIn: USDC,
      tokenOut: WETH,
      amountIn: 250_000_000n,
      amountOut: 133_540_249_961_966_242n,
      sqrtPriceX96: 1831572921993353629224514890279929n,
      liquidity: 21515292778146213135n,
    });
    const gas = { gasUsed: 150_000n, effectiveGasPrice: 30n * e(9) };
    const priced = book.applyTrade(trade, gas);
    // 250 / 0.133540249961966242 = 1872.09474350394580231429..., valued through USDC at $1.
    expect(text(priced.priceUsd)).toBe('1872.094743503945802314');
    expect(text(priced.volumeUsd)).toBe('250');
    expect(text(priced.feeUsd)).toBe('0.125'); // 0.05% of $250
    // WETH had no price before this trade: its own state is applied only after it is priced.
    expect(priced.gasFeeUsd).toBeNull();
    expect(text(book.priceOf(WETH)!.priceUsd)).toBe('1871.159198510545064019');
    expect(text(book.priceTrade(trade, gas).gasFeeUsd)).toBe('8.420216393297452788');
  });

  it('values the gas fee at the WETH price: 150,000 gas x 30 gwei = 0.0045 ETH = $9', () => {
    const book = wethAt2000();
    const trade = tradeOf({
      pool: 1,
      tokenIn: WETH,
      tokenOut: USDC,
      amountIn: e(18),
      amountOut: 1_990n * e(6),
    });
    const priced = book.priceTrade(trade, { gasUsed: 150_000n, effectiveGasPrice: 30n * e(9) });
    expect(text(priced.gasFeeUsd)).toBe('9');
    expect(priced.gasSource?.token).toBe(WETH);
    expect(() => book.priceTrade(trade, { gasUsed: -1n, effectiveGasPrice: 1n })).toThrow(
      /gas gasUsed must be a non-negative bigint/,
    );
  });

  it('gives nulls, never a guess, for a trade nothing prices', () => {
    const book = wethAt2000();
    addV2(book, 9, [ODD, 1_000n], [ABC, 1_000n]);
    const trade = tradeOf({ pool: 9, tokenIn: ODD, tokenOut: ABC, amountIn: 10n, amountOut: 9n });
    expect(book.priceTrade(trade, { gasUsed: 21_000n, effectiveGasPrice: e(9) })).toEqual({
      baseToken: ABC, // token0 by address; the quote is token1 when nothing else decides
      quoteToken: ODD,
      priceUsd: null,
      volumeUsd: null,
      feeUsd: null,
      gasFeeUsd: usd('0.042'), // the gas is still WETH: 21,000 gwei x $2,000
      gasSource: book.priceOf(WETH),
      source: null,
    });
    const bare = testBook().priceTrade(trade);
    expect([bare.priceUsd, bare.volumeUsd, bare.feeUsd, bare.gasFeeUsd]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('prices a trade of a pool it was never told about from the tokens, without a V3 fee', () => {
    const book = wethAt2000();
    const v3 = tradeOf({
      pool: 77,
      protocol: 'uniswap-v3',
      tokenIn: WETH,
      tokenOut: USDT,
      amountIn: e(18),
      amountOut: 1_995n * e(6),
      sqrtPriceX96: 1n,
      liquidity: 1n,
    });
    const priced = book.applyTrade(v3);
    expect(priced).toMatchObject({ baseToken: WETH, quoteToken: USDT, feeUsd: null });
    expect(text(priced.volumeUsd)).toBe('1995');
    expect(book.snapshot().pools.map((p) => p.pool)).not.toContain(v3.pool);
  });

  it('refuses a trade whose tokens are not its pool tokens', () => {
    const book = wethAt2000();
    const trade = tradeOf({ pool: 1, tokenIn: USDT, tokenOut: WETH, amountIn: 1n, amountOut: 1n });
    expect(() => book.priceTrade(trade)).toThrow(/swaps .* but pool .* holds/);
    expect(() =>
      book.priceTrade({
        ...tradeOf({ pool: 1, tokenIn: USDC, tokenOut: WETH, amountIn: 1n, amountOut: 1n }),
        amountIn: '1.5',
      }),
    ).toThrow(/amountIn: expected an unsigned integer/);
  });
});
