import { describe, expect, it } from 'vitest';
import type { SwapV3Log } from '../decode/decode-v3';
import { UnpricedSwapError } from './derive-trade';
import { deriveTradeV3 } from './derive-trade-v3';

const ctx = {
  chainId: 1,
  blockNumber: 10,
  blockHash: `0x${'a'.repeat(64)}`,
  timestamp: 1000,
  txHash: `0x${'b'.repeat(64)}`,
  logIndex: 3,
  trader: '0x00000000000000000000000000000000000000AA',
};
const pool = {
  token0: '0x0000000000000000000000000000000000000001',
  token1: '0x0000000000000000000000000000000000000002',
};
const swap = (amount0: bigint, amount1: bigint): SwapV3Log => ({
  kind: 'swapV3',
  pool: '0x00000000000000000000000000000000000000ff',
  sender: '0x00000000000000000000000000000000000000cc',
  recipient: '0x00000000000000000000000000000000000000dd',
  amount0,
  amount1,
  sqrtPriceX96: 2n ** 160n - 1n,
  liquidity: 2n ** 128n - 1n,
  tick: -201234,
});

describe('deriveTradeV3', () => {
  it('pays token0 in (positive amount0) for token1 out, carrying the pool state', () => {
    const t = deriveTradeV3(swap(2n ** 255n - 1n, -(2n ** 255n)), pool, ctx);
    expect(t).toMatchObject({
      protocol: 'uniswap-v3',
      tokenIn: pool.token0,
      tokenOut: pool.token1,
      amountIn: (2n ** 255n - 1n).toString(),
      amountOut: (2n ** 255n).toString(),
      sqrtPriceX96: (2n ** 160n - 1n).toString(),
      liquidity: (2n ** 128n - 1n).toString(),
      tick: -201234,
      trader: '0x00000000000000000000000000000000000000aa',
      sender: '0x00000000000000000000000000000000000000cc',
      recipient: '0x00000000000000000000000000000000000000dd',
    });
  });
  it('pays token1 in for token0 out', () => {
    const t = deriveTradeV3(swap(-5n, 7n), pool, ctx);
    expect([t.tokenIn, t.tokenOut, t.amountIn, t.amountOut]).toEqual([
      pool.token1,
      pool.token0,
      '7',
      '5',
    ]);
  });
  it('accepts an output rounded down to zero', () => {
    const t = deriveTradeV3(swap(1n, 0n), pool, ctx);
    expect([t.tokenIn, t.amountIn, t.amountOut]).toEqual([pool.token0, '1', '0']);
  });
  it('rejects a swap with no single input side', () => {
    expect(() => deriveTradeV3(swap(0n, 0n), pool, ctx)).toThrow(UnpricedSwapError);
    expect(() => deriveTradeV3(swap(-1n, -1n), pool, ctx)).toThrow(UnpricedSwapError);
  });
});
