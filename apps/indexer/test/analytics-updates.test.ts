import { injectReorg } from '@tidemark/devnet';
import type { MarketDeployment } from '@tidemark/devnet';
import {
  ANALYTICS_CONSUMER,
  CANDLE_INTERVALS,
  Topics,
  type AnalyticsOlapStore,
  type OltpStore,
} from '@tidemark/domain';
import type { AnalyticsUpdate, CanonicalEvent, CandleUpdatedV1 } from '@tidemark/schema';
import { eventually } from '@tidemark/testkit';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ChainList } from '../src/config/chains';
import type { IndexerDeps } from '../src/start-indexer';
import { headNumber } from './support/reorg-truth';
import {
  startIndexerRun,
  startTradingDevnet,
  type Cleanups,
  type Mode,
} from './support/trading-run';

const BLOCK_TIME_MS = 250;
const CHAIN_ID = 31_472;
const FAR_FUTURE = 4_000_000_000;
const logger = pino({ level: 'warn' });

const cleanups: Cleanups = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
}, 60_000);

function chainsFor(rpcUrl: string, deployment?: MarketDeployment) {
  const dollars = deployment?.tokens.filter((t) => t.symbol === 'USDC').map((t) => t.address);
  const pricing = deployment
    ? { stablecoins: dollars, wrappedNative: deployment.weth, minLiquidityUsd: '1000' }
    : {
        stablecoins: [`0x${'d'.repeat(40)}`],
        wrappedNative: `0x${'e'.repeat(40)}`,
        minLiquidityUsd: '1000',
      };
  return ChainList.parse([
    {
      id: CHAIN_ID,
      name: 'updates-net',
      rpcUrl,
      pollIntervalMs: 50,
      maxBlockRange: 200,
      confirmations: 3,
      pricing,
    },
  ]);
}

/** Every update received, in order, and the newest snapshot of each candle and wallet. */
class Received {
  readonly all: AnalyticsUpdate[] = [];
  readonly candles = new Map<string, CandleUpdatedV1>();
  readonly wallets = new Map<string, AnalyticsUpdate & { type: 'WalletUpdatedV1' }>();

  take(updates: readonly AnalyticsUpdate[]): Promise<void> {
    for (const update of updates) {
      this.all.push(update);
      if (update.type === 'CandleUpdatedV1')
        this.candles.set(`${update.pool}:${update.interval}:${update.bucket}`, update);
      else this.wallets.set(update.wallet, update);
    }
    return Promise.resolve();
  }
}

/** Fresh stores and bus, a live listener on the updates topic, then the indexer. */
async function startRun(
  chains: IndexerDeps['chains'],
  roles: IndexerDeps['roles'],
  mode: Mode = 'embedded',
) {
  const received = new Received();
  const run = await startIndexerRun({
    mode,
    name: 'updates',
    chains,
    roles,
    logger,
    cleanups,
    beforeStart: (bus) =>
      bus.subscribe({
        topic: Topics.analyticsUpdates,
        handler: (updates) => received.take(updates),
      }),
  });
  return { ...run, received };
}

const caughtUp = (oltp: OltpStore, block: number) =>
  eventually(
    `analytics reached block ${block}`,
    async () =>
      ((await oltp.state.position(ANALYTICS_CONSUMER, CHAIN_ID))?.blockNumber ?? -1) >= block,
    { timeoutMs: 60_000, intervalMs: 50 },
  );

const figuresOf = (update: CandleUpdatedV1) => {
  const { type: _type, blockNumber: _block, ...candle } = update;
  return candle;
};

/** Every stored candle of the chain's pools, keyed like `Received.candles`. */
async function storedCandles(oltp: OltpStore, analytics: AnalyticsOlapStore) {
  const pools = await oltp.state.loadPrefix(ANALYTICS_CONSUMER, CHAIN_ID, 'pool:', 10_000);
  const stored = new Map<string, unknown>();
  for (const key of pools.keys())
    for (const interval of CANDLE_INTERVALS) {
      const query = { chainId: CHAIN_ID, pool: key.slice('pool:'.length), interval };
      for (const c of await analytics.candles({ ...query, from: 0, to: FAR_FUTURE, limit: 10_000 }))
        stored.set(`${c.pool}:${c.interval}:${c.bucket}`, c);
    }
  return stored;
}

/** The newest update of every candle and wallet says what the store holds, and none is missing. */
async function updatesMatchStore(run: Awaited<ReturnType<typeof startRun>>): Promise<boolean> {
  const { oltp, analytics, received } = run;
  const stored = await storedCandles(oltp, analytics);
  const announced = new Map(
    [...received.candles].filter(([, u]) => u.trades > 0).map(([id, u]) => [id, figuresOf(u)]),
  );
  try {
    expect(announced).toEqual(stored);
    const ledgers = await oltp.state.loadPrefix(ANALYTICS_CONSUMER, CHAIN_ID, 'ledger:', 10_000);
    const wallets = new Set([...ledgers.keys()].map((k) => k.slice('ledger:'.length)));
    for (const wallet of received.wallets.keys()) wallets.add(wallet);
    for (const wallet of wallets) {
      const query = { wallet, chainId: CHAIN_ID, window: 'all' as const, now: FAR_FUTURE };
      const { wallet: _wallet, ...totals } = await analytics.walletActivity(query);
      expect(received.wallets.get(wallet)?.totals).toEqual(totals);
    }
    return true;
  } catch {
    return false;
  }
}

describe.each(['embedded', 'server'] as const)('analytics updates on the bus (%s)', (mode) => {
  it('announce every recomputed candle and wallet, equal to the store, also after a reorg', async () => {
    const chain = await startTradingDevnet(
      { chainId: CHAIN_ID, blockTimeMs: BLOCK_TIME_MS, seed: 11, traders: 5 },
      cleanups,
    );
    const { deployment } = chain;
    const run = await startRun(
      chainsFor(chain.rpcUrl, deployment),
      ['ingest', 'sink', 'analytics'],
      mode,
    );

    await caughtUp(run.oltp, await headNumber(chain.rpcUrl));
    let beforeRollback = 0;
    await injectReorg(chain.rpcUrl, {
      depth: 3,
      blockTimeMs: BLOCK_TIME_MS,
      beforeReplace: async (orphanedHead) => {
        await caughtUp(run.oltp, orphanedHead);
        beforeRollback = run.received.all.length;
      },
    });
    await chain.stopTrading();
    await caughtUp(run.oltp, await headNumber(chain.rpcUrl));

    await eventually('the newest updates to equal the store', () => updatesMatchStore(run), {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    const types = new Set(run.received.all.slice(beforeRollback).map((u) => u.type));
    expect(types).toEqual(new Set(['CandleUpdatedV1', 'WalletUpdatedV1']));
    const nonEmpty = [...run.received.candles.values()].filter((c) => c.trades > 0);
    expect(nonEmpty.length).toBeGreaterThan(10);
    expect([...run.received.wallets.values()].some((w) => Number(w.totals.volumeUsd) > 0)).toBe(
      true,
    );
  });
});

describe('analytics updates after a rollback', () => {
  it('announces the buckets and wallets a rollback emptied, with zero trades', async () => {
    const run = await startRun(chainsFor('http://127.0.0.1:9'), ['analytics']);
    const [pool, trader] = [`0x${'a'.repeat(40)}`, `0x${'b'.repeat(40)}`] as const;
    const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as const;
    const timestamp = 1_700_000_130;
    const trade: CanonicalEvent = {
      type: 'TradeExecutedV1',
      chainId: CHAIN_ID,
      blockNumber: 10,
      blockHash: hash(10),
      timestamp,
      txHash: hash(1_010),
      logIndex: 0,
      protocol: 'uniswap-v2',
      pool,
      trader,
      sender: trader,
      recipient: trader,
      tokenIn: `0x${'1'.repeat(40)}`,
      tokenOut: `0x${'2'.repeat(40)}`,
      amountIn: '1000',
      amountOut: '2000',
    };
    await run.bus.publish(Topics.chainEvents, [trade]);
    await eventually('the trade announced', () => run.received.wallets.size === 1);
    expect(run.received.candles.size).toBe(CANDLE_INTERVALS.length);
    expect([...run.received.candles.values()].every((c) => c.trades === 1)).toBe(true);
    expect(run.received.wallets.get(trader)).toMatchObject({
      blockNumber: 10,
      totals: { trades: 1 },
    });

    const count = run.received.all.length;
    await run.bus.publish(Topics.chainEvents, [
      {
        type: 'ReorgV1',
        chainId: CHAIN_ID,
        ancestor: { number: 9, hash: hash(9) },
        orphaned: [{ number: 10, hash: hash(10) }],
        depth: 1,
      },
    ]);
    await eventually('the rollback announced', () => run.received.all.length > count);
    const after = run.received.all.slice(count);
    const candles = after.filter((u) => u.type === 'CandleUpdatedV1');
    expect(candles.map((c) => c.interval).sort()).toEqual([...CANDLE_INTERVALS].sort());
    for (const candle of candles)
      expect(candle).toMatchObject({ pool, blockNumber: 9, trades: 0, closeUsd: null });
    const wallets = after.filter((u) => u.type === 'WalletUpdatedV1');
    expect(
      wallets.map((w) => [w.wallet, w.blockNumber, w.totals.trades, w.totals.volumeUsd]),
    ).toEqual([[trader, 9, 0, '0']]);
    expect(await updatesMatchStore(run)).toBe(true);
  });
});
