import { describe, expect, it } from 'vitest';
import { deriveTradeV2, UnpricedSwapError } from './derive-trade';

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
const swap = (a0in: bigint, a1in: bigint, a0out: bigint, a1out: bigint) => ({
  kind: 'swapV2' as const,
  pool: '0x00000000000000000000000000000000000000ff',
  sender: '0x00000000000000000000000000000000000000cc',
  to: '0x00000000000000000000000000000000000000dd',
  amount0In: a0in,
  amount1In: a1in,
  amount0Out: a0out,
  amount1Out: a1out,
});

describe('deriveTradeV2', () => {
  it('sells token0 for token1', () => {
    const t = deriveTradeV2(swap(100n, 0n, 0n, 250n), pool, ctx);
    expect([t.tokenIn, t.tokenOut, t.amountIn, t.amountOut]).toEqual([
      pool.token0,
      pool.token1,
      '100',
      '250',
    ]);
    expect(t.trader).toBe('0x00000000000000000000000000000000000000aa');
  });
  it('sells token1 for token0', () => {
    const t = deriveTradeV2(swap(0n, 7n, 3n, 0n), pool, ctx);
    expect([t.tokenIn, t.tokenOut, t.amountIn, t.amountOut]).toEqual([
      pool.token1,
      pool.token0,
      '7',
      '3',
    ]);
  });
  it('nets out a side that flowed both ways', () => {
    const t = deriveTradeV2(swap(100n, 5n, 0n, 30n), pool, ctx);
    expect([t.tokenIn, t.amountIn, t.amountOut]).toEqual([pool.token0, '100', '25']);
  });
  it('rejects a swap with no single input side', () => {
    expect(() => deriveTradeV2(swap(0n, 0n, 0n, 0n), pool, ctx)).toThrow(UnpricedSwapError);
  });
});
