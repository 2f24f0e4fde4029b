import { describe, expect, it } from 'vitest';
import { formatFixed, ONE, parseFixed } from '../money/fixed';
import { depthReserves, liquidityUsdFrom, Q96, rawRatio, sidePriceUsd } from './pool-math';
import { e, poolAddress, poolOf, testBook, tradeOf, USDC, WETH } from './test-helpers';

/**
 * Mainnet Uniswap V3 USDC/WETH 0.05% (0x88e6...5640), after the swap at block 17179063 log 319.
 * token0 = USDC (6 decimals), token1 = WETH (18).
 */
const sqrtPriceX96 = 1831572921993353629224514890279929n;
const liquidity = 21515292778146213135n;
const v3 = { kind: 'v3', sqrtPriceX96, liquidity } as const;

describe('pool math', () => {
  it('reads a V3 price from sqrtPriceX96, exactly', () => {
    // sqrtP = sqrtPriceX96 / 2^96 = 23117.70037155152937868914...
    // raw price (raw WETH per raw USDC) = sqrtP^2 = 534428070.46883371948598298739...
    // WETH per USDC in whole tokens = raw x 10^6 / 10^18 = 0.000534428070468833719...
    // USD per WETH = 10^12 x 2^192 / sqrtPriceX96^2 = 1871.1591985105450640193550457...
    const ratio = rawRatio(v3)!;
    expect(ratio).toEqual({ num: sqrtPriceX96 ** 2n, den: Q96 * Q96 });
    expect(formatFixed(sidePriceUsd(ratio, 1, ONE, [6, 18])!)).toBe('1871.159198510545064019');
    // And the other way: USDC in USD through WETH at that price comes back to $1 within rounding.
    const weth = parseFixed('1871.159198510545064019');
    expect(formatFixed(sidePriceUsd(ratio, 0, weth, [6, 18])!)).toBe('1');
  });

  it('derives V3 virtual reserves x = L / sqrtP and y = L x sqrtP in raw units', () => {
    // x = 21515292778146213135 x 2^96 / sqrtPriceX96 = 930684818660543.45... -> 930,684,818.660543 USDC
    // y = 21515292778146213135 x sqrtPriceX96 / 2^96 = 497384091851390648141480.56... -> 497,384.09 WETH
    expect(depthReserves(v3)).toEqual({
      reserve0: 930684818660543n,
      reserve1: 497384091851390648141481n,
    });
    // Depth seen from the USDC side: 2 x $930,684,818.660543.
    expect(formatFixed(liquidityUsdFrom(v3, 0, ONE, 6))).toBe('1861369637.321086');
  });

  it('has no price for an empty pool or one that would round to zero', () => {
    expect(rawRatio({ kind: 'v2', reserve0: 0n, reserve1: 5n })).toBeNull();
    expect(rawRatio({ kind: 'v3', sqrtPriceX96: 0n, liquidity: 5n })).toBeNull();
    expect(depthReserves({ kind: 'v3', sqrtPriceX96: 0n, liquidity: 5n })).toEqual({
      reserve0: 0n,
      reserve1: 0n,
    });
    // 10^40 raw of an 18-decimal token0 against 1 raw unit of token1 at $1: 10^-40 USD each.
    expect(sidePriceUsd({ num: 1n, den: e(40) }, 0, ONE, [18, 18])).toBeNull();
  });

  it('prices WETH from that V3 pool in the book, as the one stable pool', () => {
    const book = testBook();
    book.applyPool(poolOf(2, [USDC, WETH], 'uniswap-v3', 500));
    const trade = tradeOf({
      pool: 2,
      protocol: 'uniswap-v3',
      tokenIn: USDC,
      tokenOut: WETH,
      amountIn: 250_000_000n,
      amountOut: 133_540_249_961_966_242n,
      sqrtPriceX96,
      liquidity,
      blockNumber: 17179063,
    });
    expect(book.applyState(trade)).toBe(true);
    expect(book.priceOf(WETH)).toEqual({
      token: WETH,
      priceUsd: parseFixed('1871.159198510545064019'),
      source: {
        kind: 'native',
        pools: [
          {
            pool: poolAddress(2),
            stablecoin: USDC,
            priceUsd: parseFixed('1871.159198510545064019'),
            liquidityUsd: parseFixed('1861369637.321086'),
          },
        ],
      },
      hops: 1,
      block: 17179063,
    });
    // Both sides priced: $930,684,818.660543 of USDC + 497,384.091851390648141481 WETH x
    // $1871.159198510545064019 = $930,684,818.660543453377414193 of WETH (equal, as they must be).
    expect(formatFixed(book.poolLiquidityUsd(poolAddress(2))!)).toBe(
      '1861369637.321086453377414193',
    );
  });
});
