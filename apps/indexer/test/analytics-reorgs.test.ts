import type { MarketDeployment } from '@tidemark/devnet';
import { ANALYTICS_CONSUMER, parseFixed, type OltpStore } from '@tidemark/domain';
import { eventually } from '@tidemark/testkit';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ChainList } from '../src/config/chains';
import { snapshotAnalytics, type AnalyticsSnapshot } from './support/analytics-snapshot';
import { headNumber } from './support/reorg-truth';
import {
  injectReorgsWhenCaughtUp,
  startIndexerRun,
  startTradingDevnet,
  type Cleanups,
  type Mode,
} from './support/trading-run';

const BLOCK_TIME_MS = 250;
const CHAIN_ID = 31_471;

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
}, 60_000);

const logger = pino({ level: 'warn' });

function chainsFor(rpcUrl: string, deployment: MarketDeployment) {
  const dollars = deployment.tokens.filter((t) => t.symbol === 'USDC').map((t) => t.address);
  return ChainList.parse([
    {
      id: CHAIN_ID,
      name: 'analytics-net',
      rpcUrl,
      pollIntervalMs: 50,
      maxBlockRange: 200,
      confirmations: 3,
      pricing: { stablecoins: dollars, wrappedNative: deployment.weth, minLiquidityUsd: '1000' },
    },
  ]);
}

/** Opens fresh stores and starts ingest, sink and analytics on them. */
const startRun = (mode: Mode, rpcUrl: string, deployment: MarketDeployment) =>
  startIndexerRun({
    mode,
    name: 'analytics',
    chains: chainsFor(rpcUrl, deployment),
    roles: ['ingest', 'sink', 'analytics'],
    logger,
    cleanups,
  });

const analyzedBlock = async (oltp: OltpStore) =>
  (await oltp.state.position(ANALYTICS_CONSUMER, CHAIN_ID))?.blockNumber ?? -1;

const caughtUp = (oltp: OltpStore, block: number) =>
  eventually(`analytics reached block ${block}`, async () => (await analyzedBlock(oltp)) >= block, {
    timeoutMs: 60_000,
    intervalMs: 50,
  });

describe.each(['embedded', 'server'] as const)('analytics under reorgs (%s)', (mode) => {
  it('ends equal to a clean run over the canonical chain: ledgers, pools, candles, leaderboards, prices', async () => {
    const chain = await startTradingDevnet(
      { chainId: CHAIN_ID, blockTimeMs: BLOCK_TIME_MS, seed: 7, traders: 6 },
      cleanups,
    );
    const { deployment } = chain;

    const live = await startRun(mode, chain.rpcUrl, deployment);
    await injectReorgsWhenCaughtUp(
      chain.rpcUrl,
      { depths: [1, 3, 8], blockTimeMs: BLOCK_TIME_MS },
      (block) => caughtUp(live.oltp, block),
    );
    await chain.stopTrading();
    const head = await headNumber(chain.rpcUrl);
    await caughtUp(live.oltp, head);
    const tokens = [deployment.weth, ...deployment.tokens.map((t) => t.address)];
    const afterReorgs: AnalyticsSnapshot = await snapshotAnalytics(
      live.oltp,
      live.analytics,
      CHAIN_ID,
      tokens,
    );
    expect(live.indexer.progress()[0]?.reorgs).toBe(3);
    await live.stop();

    // What was derived is real: trades priced in USD, WETH near its seeded price, PnL booked.
    const volume = afterReorgs.leaderboard as { volumeUsd: string; trades: number }[];
    expect(volume.length).toBeGreaterThan(2);
    expect(volume.every((e) => parseFixed(e.volumeUsd) > 0n)).toBe(true);
    const weth = afterReorgs.tokenPrices[0] as { priceUsd: string } | null;
    expect(weth).not.toBeNull();
    expect(afterReorgs.candles.length).toBeGreaterThan(10);

    const clean = await startRun(mode, chain.rpcUrl, deployment);
    await caughtUp(clean.oltp, head);
    const fromScratch = await snapshotAnalytics(clean.oltp, clean.analytics, CHAIN_ID, tokens);
    expect(afterReorgs).toEqual(fromScratch);
  });
});
