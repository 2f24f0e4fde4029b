import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessBus, createKafkaBus } from '@tidemark/bus';
import { createAnalyticsOlapStore, createOlapStore, createOltpStore } from '@tidemark/db';
import { deployMarket, injectReorg, startDevnetChain, startSimulator } from '@tidemark/devnet';
import type { MarketDeployment } from '@tidemark/devnet';
import type { AnalyticsOlapStore, EventBus, OlapStore, OltpStore } from '@tidemark/domain';
import { startKafka, startPostgres } from '@tidemark/testkit';
import type { Logger } from 'pino';
import { startIndexer, type IndexerDeps, type RunningIndexer } from '../../src/start-indexer';
import { headNumber } from './reorg-truth';

/** Embedded: in-process bus and PGlite. Server: a fresh Kafka broker and PostgreSQL server. */
export type Mode = 'embedded' | 'server';

/** What a test undoes at its end, newest first. */
export type Cleanups = (() => Promise<unknown>)[];

/** The bus and the OLTP database of a mode; a server mode's broker and database stop at cleanup. */
async function busAndDatabase(
  mode: Mode,
  clientId: string,
  logger: Logger,
  cleanups: Cleanups,
): Promise<{ bus: EventBus; databaseUrl?: string }> {
  if (mode === 'embedded') return { bus: createInProcessBus({ logger }) };
  const [kafka, postgres] = await Promise.all([startKafka(), startPostgres()]);
  cleanups.push(() => Promise.all([kafka.stop(), postgres.stop()]));
  const bus = await createKafkaBus({ brokers: kafka.brokers, clientId, logger });
  return { bus, databaseUrl: postgres.url };
}

export interface TradingDevnet {
  rpcUrl: string;
  deployment: MarketDeployment;
  /** Stops the simulated market (once; cleanup does it otherwise). */
  stopTrading(): Promise<void>;
}

/** A devnet chain with the market deployed and its simulator trading, all stopped at cleanup. */
export async function startTradingDevnet(
  options: { chainId: number; blockTimeMs: number; seed: number; traders: number },
  cleanups: Cleanups,
): Promise<TradingDevnet> {
  const chain = await startDevnetChain({
    chainId: options.chainId,
    blockTimeMs: options.blockTimeMs,
  });
  cleanups.push(() => chain.stop());
  const deployment = await deployMarket(chain.rpcUrl);
  const simulator = startSimulator({
    rpcUrl: chain.rpcUrl,
    deployment,
    seed: options.seed,
    traders: options.traders,
    tradesPerBlock: 3,
  });
  let stopped: Promise<void> | undefined;
  const stopTrading = () => (stopped ??= simulator.stop());
  cleanups.push(() => stopTrading().catch(() => undefined));
  await simulator.ready;
  return { rpcUrl: chain.rpcUrl, deployment, stopTrading };
}

/**
 * Injects a reorg of each depth in turn, each once the pipeline has caught up with the head, and
 * lets it catch up with the doomed blocks before they are replaced (so it must roll them back).
 */
export async function injectReorgsWhenCaughtUp(
  rpcUrl: string,
  options: { depths: readonly number[]; blockTimeMs: number },
  caughtUp: (block: number) => Promise<unknown>,
): Promise<void> {
  for (const depth of options.depths) {
    await caughtUp(await headNumber(rpcUrl));
    await injectReorg(rpcUrl, {
      depth,
      blockTimeMs: options.blockTimeMs,
      beforeReplace: (h) => caughtUp(h).then(() => undefined),
    });
  }
}

export interface IndexerRun {
  bus: EventBus;
  oltp: OltpStore;
  olap: OlapStore;
  analytics: AnalyticsOlapStore;
  indexer: RunningIndexer;
  /** Stops the indexer, closes the bus and the stores, removes their dir (once; cleanup otherwise). */
  stop(): Promise<void>;
}

/**
 * Fresh stores in a temporary dir on the mode's bus and database, then the indexer with `roles`.
 * `beforeStart` runs on the bus before the indexer does (e.g. a live listener).
 */
export async function startIndexerRun(options: {
  mode: Mode;
  name: string;
  chains: IndexerDeps['chains'];
  roles: IndexerDeps['roles'];
  logger: Logger;
  cleanups: Cleanups;
  beforeStart?: (bus: EventBus) => Promise<unknown>;
}): Promise<IndexerRun> {
  const { mode, name, chains, roles, logger, cleanups } = options;
  const dataDir = mkdtempSync(join(tmpdir(), `tidemark-${name}-`));
  const { bus, databaseUrl } = await busAndDatabase(mode, `${name}-test`, logger, cleanups);
  const oltp = await createOltpStore({ dataDir, databaseUrl });
  const olap = await createOlapStore({ dataDir });
  const analytics = await createAnalyticsOlapStore({ dataDir });
  await options.beforeStart?.(bus);
  const indexer = await startIndexer({ chains, roles, bus, oltp, olap, analytics, logger });
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await indexer.stop();
      await bus.close();
      await Promise.all([oltp.close(), olap.close(), analytics.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    })());
  cleanups.push(stop);
  return { bus, oltp, olap, analytics, indexer, stop };
}
