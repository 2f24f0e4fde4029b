import { describe, expect, it } from 'vitest';
import { tradePricingResolvers, type TradeNode } from './trade-pricing';
import { toTradeView } from './trade-view';

const live: TradeNode = toTradeView({
  type: 'TradeExecutedV1',
  chainId: 1,
  blockNumber: 50,
  blockHash: `0x${'b'.repeat(64)}`,
  timestamp: 1_700_000_000,
  txHash: `0x${'c'.repeat(64)}`,
  logIndex: 3,
  protocol: 'uniswap-v2',
  pool: `0x${'1'.repeat(40)}`,
  trader: `0x${'2'.repeat(40)}`,
  sender: `0x${'3'.repeat(40)}`,
  recipient: `0x${'3'.repeat(40)}`,
  tokenIn: `0x${'4'.repeat(40)}`,
  tokenOut: `0x${'5'.repeat(40)}`,
  amountIn: '10',
  amountOut: '20',
});

describe('trade USD fields', () => {
  it('are null on a live push, which comes before the trade is priced', async () => {
    for (const resolve of Object.values(tradePricingResolvers)) {
      expect(await resolve(live)).toBeNull();
    }
  });
});
