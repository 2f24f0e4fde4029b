import type { PoolStateRecord, PricedTrade } from '@tidemark/domain';
import { DAY, HOUR, NOW, blockHashOf, byteAddress, indexedTrade, priced } from './analytics';
import type { Harness } from './harness';

export const P1 = byteAddress('11');
export const P2 = byteAddress('22');
export const P3 = byteAddress('33');
export const W1 = byteAddress('a1');
const W2 = byteAddress('a2');
const W3 = byteAddress('a3');
/** The hour before now's (11:00 on day D + 2). */
export const T0 = NOW - (NOW % HOUR) - HOUR;

type Row = [
  block: number,
  at: number,
  trader: string,
  side: 'buy' | 'sell',
  priceUsd: string | null,
  priceQuote: string,
  volumeUsd: string | null,
  baseAmount: string,
  quoteAmount: string,
];

/**
 * Pool P1 on chain 1: one trade on day D + 1 (outside the 24h), four in T0's hour (the last one
 * unpriced), one in now's hour. The second also has a pool fee and gas.
 */
export const p1: PricedTrade[] = (
  [
    [100, NOW - DAY - 2 * HOUR - 1_800, W1, 'buy', '1.2', '0.6', '12', '6', '4'],
    [101, T0 + 10, W1, 'buy', '2', '1', '20', '10', '10'],
    [102, T0 + 70, W2, 'sell', '2.5', '1.25', '5', '2', '3'],
    [103, T0 + 75, W1, 'buy', '1.5', '0.75', '3', '2', '1'],
    [104, T0 + 400, W3, 'buy', null, '0.8', null, '5', '4'],
    [105, T0 + HOUR + 30, W2, 'sell', '3', '1.5', '30', '10', '15'],
  ] satisfies Row[]
).map(([block, at, trader, side, priceUsd, priceQuote, volumeUsd, baseAmount, quoteAmount]) =>
  priced({
    block,
    at,
    pool: P1,
    trader,
    side,
    priceUsd,
    priceQuote,
    volumeUsd,
    baseAmount,
    quoteAmount,
    ...(block === 101 ? { feeUsd: '0.06', gasFeeUsd: '0.5' } : {}),
  }),
);

/** P2 trades once on chain 1, P3 once on chain 2. */
const others: PricedTrade[] = [
  priced({ block: 106, at: NOW - 600, pool: P2, trader: W1, priceUsd: '10', volumeUsd: '100' }),
  priced({ chainId: 2, block: 50, at: NOW - 2 * HOUR, pool: P3, trader: W1, volumeUsd: '7' }),
];

const poolState = (block: number, liquidityUsd: string): PoolStateRecord => ({
  chainId: 1,
  pool: P1,
  blockNumber: block,
  blockHash: blockHashOf(1, block),
  timestamp: T0 + block,
  liquidityUsd,
  priceQuote: '1',
  priceUsd: '2',
});

/**
 * Stores the trades as the pipeline would: indexed (sink) and priced (analytics, with its candles
 * and wallet activity), and two states of P1, the later one with $6400.5 of liquidity.
 */
export async function seedMarket(harness: Harness): Promise<void> {
  harness.setNow(NOW);
  const all = [...p1, ...others];
  const keys = await harness.analytics.insertPricedTrades(all);
  await harness.analytics.recomputeCandles(keys.candles);
  await harness.analytics.recomputeWalletActivity(keys.wallets);
  await harness.analytics.insertPoolStates([poolState(101, '5000'), poolState(105, '6400.5')]);
  await harness.olap.insertTrades(all.map(indexedTrade));
}
