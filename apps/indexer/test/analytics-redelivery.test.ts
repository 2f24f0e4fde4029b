import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyticsOlapStore, createOltpStore } from '@tidemark/db';
import {
  ANALYTICS_CONSUMER,
  ledgerFromJSON,
  parseFixed,
  formatFixed,
  type AnalyticsOlapStore,
} from '@tidemark/domain';
import type { CanonicalEvent } from '@tidemark/schema';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ChainAnalytics } from '../src/roles/analytics/chain-analytics';
import { TokenDecimals } from '../src/roles/analytics/token-decimals';

const CHAIN = 77;
const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48' as const;
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2' as const;
const POOL = '0x00000000000000000000000000000000000000aa' as const;
const WALLET = '0x00000000000000000000000000000000000000bb' as const;
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as const;
const e = (n: number) => 10n ** BigInt(n);

const ref = (block: number, logIndex: number) => ({
  chainId: CHAIN,
  blockNumber: block,
  blockHash: hash(block),
  timestamp: 1_700_000_000 + block * 12,
  txHash: hash(1_000 + block * 10 + logIndex),
  logIndex,
});
const sync = (block: number, usdc: bigint, weth: bigint): CanonicalEvent => ({
  type: 'PoolSyncedV1',
  ...ref(block, 0),
  pool: POOL,
  reserve0: `${usdc}`, // USDC sorts before WETH: token0
  reserve1: `${weth}`,
});
const trade = (
  block: number,
  sell: 'USDC' | 'WETH',
  amountIn: bigint,
  amountOut: bigint,
): CanonicalEvent => ({
  type: 'TradeExecutedV1',
  ...ref(block, 1),
  protocol: 'uniswap-v2',
  pool: POOL,
  trader: WALLET,
  sender: WALLET,
  recipient: WALLET,
  tokenIn: sell === 'USDC' ? USDC : WETH,
  tokenOut: sell === 'USDC' ? WETH : USDC,
  amountIn: `${amountIn}`,
  amountOut: `${amountOut}`,
});

const events: CanonicalEvent[] = [
  {
    type: 'PoolCreatedV1',
    ...ref(10, 0),
    protocol: 'uniswap-v2',
    factory: POOL,
    pool: POOL,
    token0: USDC,
    token1: WETH,
  },
  sync(11, 2_000_000n * e(6), 1_000n * e(18)), // WETH at $2,000
  trade(11, 'USDC', 2_000n * e(6), e(18)),
  sync(12, 2_500_000n * e(6), 1_000n * e(18)), // WETH at $2,500
  trade(12, 'WETH', e(18), 2_500n * e(6)),
];

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The real store, except that the first wallet-activity rebuild fails, as a crash would. */
function failingOnce(store: AnalyticsOlapStore): AnalyticsOlapStore {
  let failed = false;
  return Object.assign(Object.create(store) as AnalyticsOlapStore, {
    recomputeWalletActivity: (
      keys: Parameters<AnalyticsOlapStore['recomputeWalletActivity']>[0],
    ) => {
      if (failed) return store.recomputeWalletActivity(keys);
      failed = true;
      return Promise.reject(new Error('ClickHouse went away'));
    },
  });
}

describe('analytics redelivery', () => {
  it('applies a run again from the committed state after a failure, booking each trade once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-redelivery-'));
    const oltp = await createOltpStore({ dataDir });
    const olap = await createAnalyticsOlapStore({ dataDir });
    cleanups.push(async () => {
      await Promise.all([oltp.close(), olap.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    });
    await oltp.upsertTokens([
      { chainId: CHAIN, address: USDC, symbol: 'USDC', name: 'USD Coin', decimals: 6 },
      { chainId: CHAIN, address: WETH, symbol: 'WETH', name: 'Wrapped Ether', decimals: 18 },
    ]);
    const analytics = new ChainAnalytics(CHAIN, {
      pricing: {
        chainId: CHAIN,
        stablecoins: [USDC],
        wrappedNative: WETH,
        minLiquidityUsd: parseFixed('1000'),
      },
      costMethod: 'average',
      state: oltp.state,
      olap: failingOnce(olap),
      pools: (addresses) => oltp.findPools(CHAIN, addresses),
      decimals: new TokenDecimals(oltp, CHAIN),
      logger: pino({ level: 'silent' }),
    });

    await expect(analytics.handle(events)).rejects.toThrow(/went away/);
    expect(await oltp.state.position(ANALYTICS_CONSUMER, CHAIN)).toBeNull();
    await analytics.handle(events); // the bus delivers the batch again
    await analytics.handle(events); // and once more after it was committed: a no-op

    const stored = await oltp.state.load(ANALYTICS_CONSUMER, CHAIN, [`ledger:${WALLET}`]);
    const ledger = ledgerFromJSON(stored.get(`ledger:${WALLET}`));
    expect(ledger.totals.tradeCount).toBe(2);
    expect(formatFixed(ledger.totals.realizedPnlUsd)).toBe('500');
    const totals = await olap.walletActivity({
      wallet: WALLET,
      chainId: CHAIN,
      window: 'all',
      now: 1_800_000_000,
    });
    expect(totals).toMatchObject({ trades: 2, realizedPnlUsd: '500', volumeUsd: '4500' });
  });
});
