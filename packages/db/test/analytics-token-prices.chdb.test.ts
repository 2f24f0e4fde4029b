import type { AnalyticsOlapStore, TokenPriceRecord } from '@tidemark/domain';
import { describe, expect, it } from 'vitest';
import { createAnalyticsOlapStore } from '../src/index';
import { D, blockHash, token } from './analytics-fixtures';
import { closeAfterEach, tempDirs } from './store-location';

const newDir = tempDirs();
const track = closeAfterEach<AnalyticsOlapStore>();

const price = (chainId: number, n: number, block: number, usd: string): TokenPriceRecord => ({
  chainId,
  token: token(n),
  blockNumber: block,
  blockHash: blockHash(chainId, block),
  timestamp: D + block,
  priceUsd: usd,
  source: `pool:${n}`,
});

describe('chDB: latest token prices asked together', () => {
  it('answers each token its own newest price in one batch, null where there is none', async () => {
    const store = track(await createAnalyticsOlapStore({ dataDir: await newDir() }));
    await store.insertTokenPrices([
      price(1, 1, 10, '1.5'),
      price(1, 1, 30, '2'),
      price(1, 2, 20, '7.25'),
      price(2, 1, 40, '3'),
      price(2, 2, 5, '0.5'),
    ]);
    const asked = await Promise.all([
      store.tokenPrice(1, token(1)),
      store.tokenPrice(1, token(2)),
      store.tokenPrice(2, token(1)),
      store.tokenPrice(1, token(3)),
      store.tokenPrice(2, token(2)),
      store.tokenPrice(1, token(1), 29),
    ]);
    expect(asked).toEqual([
      price(1, 1, 30, '2'),
      price(1, 2, 20, '7.25'),
      price(2, 1, 40, '3'),
      null,
      price(2, 2, 5, '0.5'),
      price(1, 1, 10, '1.5'),
    ]);
    await expect(store.tokenPrice(1, 'not-a-token')).rejects.toThrow(/token/);
  });
});
