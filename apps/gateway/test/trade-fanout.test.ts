import { describe, expect, it } from 'vitest';
import type { TradeView } from '../src/graphql/trades/trade-view';
import { TradeFanout } from '../src/live/trade-fanout';

const pool = `0x${'1'.repeat(40)}`;
const otherPool = `0x${'9'.repeat(40)}`;
const trader = `0x${'2'.repeat(40)}`;

function view(logIndex: number, chainId = 1, tradePool = pool): TradeView {
  return {
    id: `${chainId}:0xb:0xt:${logIndex}`,
    chainId,
    blockNumber: 10,
    blockHash: '0xb',
    txHash: '0xt',
    logIndex,
    timestamp: 1_700_000_000,
    protocol: 'uniswap-v2',
    pool: tradePool,
    trader,
    tokenIn: pool,
    tokenOut: pool,
    amountIn: '1',
    amountOut: '2',
    sqrtPriceX96: null,
    liquidity: null,
    tick: null,
    gasUsed: null,
    effectiveGasPrice: null,
    status: 'latest',
  };
}

async function nextIndex(stream: AsyncIterator<TradeView>): Promise<number> {
  const result = await stream.next();
  if (result.done === true) throw new Error('the stream ended');
  return result.value.logIndex;
}

describe('TradeFanout', () => {
  it('delivers each trade to the subscribers whose filter matches, in order', async () => {
    const fanout = new TradeFanout(10);
    const byPool = fanout.subscribe({ pool }, () => undefined);
    const byChain = fanout.subscribe({ chainId: 2 }, () => undefined);
    fanout.publish([view(1), view(2, 2, otherPool), view(3, 2)]);
    expect(await nextIndex(byPool)).toBe(1);
    expect(await nextIndex(byPool)).toBe(3);
    expect(await nextIndex(byChain)).toBe(2);
    expect(await nextIndex(byChain)).toBe(3);
  });

  it('wakes a reader that waits for the next trade', async () => {
    const fanout = new TradeFanout(10);
    const stream = fanout.subscribe({ trader }, () => undefined);
    const pending = stream.next();
    fanout.publish([view(7)]);
    const woken = await pending;
    expect(woken.done === true ? undefined : woken.value.logIndex).toBe(7);
  });

  it('ends a stream whose reader falls behind without holding up the others', async () => {
    const fanout = new TradeFanout(3);
    let overflows = 0;
    const slow = fanout.subscribe({}, () => (overflows += 1));
    const fast = fanout.subscribe({}, () => undefined);
    for (let i = 0; i < 5; i += 1) {
      fanout.publish([view(i)]);
      expect(await nextIndex(fast)).toBe(i);
    }
    expect(overflows).toBe(1);
    expect(fanout.subscriberCount).toBe(1);
    expect(await slow.next()).toEqual({ value: undefined, done: true });
  });

  it('forgets a subscriber once its stream is returned', async () => {
    const fanout = new TradeFanout(3);
    const stream = fanout.subscribe({}, () => undefined);
    expect(fanout.subscriberCount).toBe(1);
    await stream.return?.();
    expect(fanout.subscriberCount).toBe(0);
    fanout.publish([view(1)]);
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });
});
