import type { AnalyticsOlapStore, PricedTrade, PricedTradeKey } from '@tidemark/domain';
import { expect, it } from 'vitest';
import { D, HOUR, blockHash, pricedTrade } from './analytics-fixtures';
import { maxUint256 } from './fixtures';

const keyOf = (t: PricedTrade): PricedTradeKey => ({
  chainId: t.chainId,
  blockHash: t.blockHash,
  logIndex: t.logIndex,
  timestamp: t.timestamp,
});

const byKey = (a: PricedTrade, b: PricedTrade) =>
  a.chainId - b.chainId || a.blockNumber - b.blockNumber || a.logIndex - b.logIndex;

/** Two logs of one block, another block hours later, the same block height on another chain. */
const stored: PricedTrade[] = [
  pricedTrade({ block: 1, log: 0, at: D, trader: 1, priceUsd: '1.25', volumeUsd: '2.5' }),
  {
    ...pricedTrade({
      block: 1,
      log: 4,
      at: D,
      trader: 2,
      side: 'sell',
      base: maxUint256,
      quote: '7',
      priceQuote: null,
      priceUsd: '0.000000000000000001',
      volumeUsd: '123456789012345678901234567890.123456789012345678',
      feeUsd: null,
      gasFeeUsd: '0.04',
      pnl: '-3.5',
      closes: true,
    }),
    protocol: 'uniswap-v3',
  },
  pricedTrade({ block: 9, log: 2, at: D + 5 * HOUR, trader: 1, pnl: '1', closes: true, win: true }),
  pricedTrade({ chainId: 2, block: 1, log: 0, at: D, trader: 1, priceUsd: '3' }),
];

export function pricedTradeTests(store: () => AnalyticsOlapStore): void {
  it('returns the priced trades of the keys, every field as written, in one call', async () => {
    await store().insertPricedTrades(stored);
    const found = await store().pricedTrades([...stored].reverse().map(keyOf));
    expect([...found].sort(byKey)).toEqual([...stored].sort(byKey));
    const one = await store().pricedTrades([keyOf(stored[1]!)]);
    expect(one).toEqual([stored[1]]);
  });

  it('leaves out keys nothing was priced for, and keys of another chain or log', async () => {
    await store().insertPricedTrades(stored);
    const missing: PricedTradeKey[] = [
      { chainId: 1, blockHash: blockHash(1, 1), logIndex: 1, timestamp: D },
      { chainId: 3, blockHash: blockHash(1, 1), logIndex: 0, timestamp: D },
      { chainId: 1, blockHash: blockHash(1, 2), logIndex: 0, timestamp: D },
    ];
    expect(await store().pricedTrades(missing)).toEqual([]);
    expect(await store().pricedTrades([])).toEqual([]);
    const mixed = await store().pricedTrades([...missing, keyOf(stored[2]!)]);
    expect(mixed).toEqual([stored[2]]);
  });

  it('gives a redelivered trade once, as last written, and nothing once its block is retracted', async () => {
    await store().insertPricedTrades(stored);
    const again = { ...stored[0]!, priceUsd: '1.5', priceSource: 'pool:again' };
    await store().insertPricedTrades([again]);
    expect(await store().pricedTrades([keyOf(again)])).toEqual([again]);
    await store().retractBlocks(1, [blockHash(1, 1)]);
    const left = await store().pricedTrades(stored.map(keyOf));
    expect(left.sort(byKey)).toEqual([stored[2], stored[3]]);
  });

  it('refuses a malformed key or too many keys, naming the problem', async () => {
    const bad = { chainId: 1, blockHash: '0x12', logIndex: 0, timestamp: D };
    await expect(store().pricedTrades([bad])).rejects.toThrow(/keys\[0\]\.blockHash/);
    const many = Array.from({ length: 1_001 }, () => keyOf(stored[0]!));
    await expect(store().pricedTrades(many)).rejects.toThrow(/at most 1000 keys/);
  });
}
