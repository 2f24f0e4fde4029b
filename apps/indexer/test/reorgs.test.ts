import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessBus, createKafkaBus } from '@tidemark/bus';
import { createOlapStore, createOltpStore } from '@tidemark/db';
import { deployMarket, injectReorg, startDevnetChain, startSimulator } from '@tidemark/devnet';
import { ReorgTooDeepError, Topics, type EventBus, type OltpStore } from '@tidemark/domain';
import type { ReorgV1 } from '@tidemark/schema';
import { eventually, startKafka, startPostgres } from '@tidemark/testkit';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ChainList } from '../src/config/chains';
import { startIndexer, type RunningIndexer } from '../src/start-indexer';
import { canonicalKeys, headNumber, offCanonicalBlocks, storedKeys } from './support/reorg-truth';

const BLOCK_TIME_MS = 250;
const WINDOW = 64;
const DEPTHS = [1, 2, 5, 17, 64];

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
}, 60_000);

interface Mode {
  bus(): Promise<EventBus>;
  databaseUrl(): Promise<string | undefined>;
}

const indexedBlock = async (oltp: OltpStore, chainId: number) =>
  (await oltp.listChains()).find((c) => c.chainId === chainId)?.indexedBlock ?? -1;

async function runReorgs(chainId: number, mode: Mode): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-reorgs-'));
  cleanups.push(() => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
  const chain = await startDevnetChain({ chainId, blockTimeMs: BLOCK_TIME_MS });
  cleanups.push(() => chain.stop());
  const [deployment, bus, databaseUrl] = await Promise.all([
    deployMarket(chain.rpcUrl),
    mode.bus(),
    mode.databaseUrl(),
  ]);
  const simulator = startSimulator({
    rpcUrl: chain.rpcUrl,
    deployment,
    seed: chainId,
    traders: 8,
    tradesPerBlock: 3,
  });
  let simulatorStopped = false;
  // Its last round may sit in an orphaned branch: stopping twice would wait for those receipts.
  cleanups.push(() => (simulatorStopped ? Promise.resolve() : simulator.stop()));
  const oltp = await createOltpStore({ dataDir, databaseUrl });
  const olap = await createOlapStore({ dataDir });
  cleanups.push(() => Promise.all([bus.close(), oltp.close(), olap.close()]));
  await simulator.ready;

  const reorgs: ReorgV1[] = [];
  const live = await bus.subscribe({
    topic: Topics.chainEvents,
    handler: (events) => {
      for (const e of events) if (e.type === 'ReorgV1') reorgs.push(e);
      return Promise.resolve();
    },
  });
  cleanups.push(() => live.unsubscribe());
  const logs: { event?: string }[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (l: string) => logs.push(JSON.parse(l) as object) },
  );
  const chains = ChainList.parse([
    {
      id: chainId,
      name: 'reorgnet',
      rpcUrl: chain.rpcUrl,
      pollIntervalMs: 50,
      maxBlockRange: 200,
      reorgWindow: WINDOW,
      confirmations: 3,
    },
  ]);
  const indexer: RunningIndexer = await startIndexer({
    chains,
    roles: ['ingest', 'sink'],
    bus,
    oltp,
    olap,
    logger,
  });
  cleanups.push(() => indexer.stop());
  const progress = () => indexer.progress()[0];
  // Ingested and stored: the orphaned rows really are in the stores before the reorg.
  const caughtUp = (block: number) => async () => {
    await eventually(
      `block ${block} ingested and stored`,
      async () =>
        (progress()?.ingested ?? -1) >= block && (await indexedBlock(oltp, chainId)) >= block,
      { timeoutMs: 30_000, intervalMs: 50 },
    );
  };

  for (const depth of DEPTHS) {
    await caughtUp(await headNumber(chain.rpcUrl))();
    await injectReorg(chain.rpcUrl, {
      depth,
      blockTimeMs: BLOCK_TIME_MS,
      beforeReplace: (h) => caughtUp(h)(),
    });
  }
  await simulator.stop();
  simulatorStopped = true;
  const target = await headNumber(chain.rpcUrl);
  await caughtUp(target)();

  expect(reorgs.map((r) => r.depth)).toEqual(DEPTHS);
  expect(progress()?.reorgs).toBe(DEPTHS.length);
  const truth = await canonicalKeys(chain.rpcUrl, target);
  const stored = await storedKeys(olap, chainId, target);
  expect(truth.trades.size).toBeGreaterThan(20);
  expect(stored.trades.length).toBe(new Set(stored.trades).size);
  expect(new Set(stored.trades)).toEqual(truth.trades);
  expect(new Set(stored.transfers)).toEqual(truth.transfers);
  const pools = (await oltp.getPools(chainId)).map((p) => p.address);
  expect(new Set(pools)).toEqual(truth.pools);
  const { window, off } = await offCanonicalBlocks(chain.rpcUrl, oltp, chainId);
  expect(window.length).toBe(WINDOW + 1);
  expect(off).toEqual([]);
  const status = (await oltp.listChains())[0];
  expect(status?.indexedBlock).toBeGreaterThanOrEqual(target);
  expect(status?.finalizedBlock).toBeGreaterThanOrEqual(target - 3);

  // One block deeper than the window: ingest stops loudly instead of guessing.
  await injectReorg(chain.rpcUrl, {
    depth: WINDOW + 1,
    blockTimeMs: BLOCK_TIME_MS,
    beforeReplace: (h) => caughtUp(h)(),
  });
  await expect(indexer.done).rejects.toBeInstanceOf(ReorgTooDeepError);
  expect(progress()?.reorgsTooDeep).toBe(1);
  expect(logs.some((l) => l.event === 'ingest.reorg_too_deep')).toBe(true);
  expect(reorgs).toHaveLength(DEPTHS.length);
}

describe('reorgs injected while the simulator trades', () => {
  it('embedded mode (PGlite, chDB, in-process bus): every store ends on the canonical chain', async () => {
    await runReorgs(31501, {
      bus: () => Promise.resolve(createInProcessBus({})),
      databaseUrl: () => Promise.resolve(undefined),
    });
  }, 150_000);

  it('server mode (Kafka, PostgreSQL): every store ends on the canonical chain', async () => {
    await runReorgs(31502, {
      bus: async () => {
        const kafka = await startKafka();
        cleanups.push(() => kafka.stop());
        return createKafkaBus({
          brokers: kafka.brokers,
          clientId: 'reorgs',
          logger: pino({ level: 'silent' }),
        });
      },
      databaseUrl: async () => {
        const postgres = await startPostgres();
        cleanups.push(() => postgres.stop());
        return postgres.url;
      },
    });
  }, 150_000);
});
