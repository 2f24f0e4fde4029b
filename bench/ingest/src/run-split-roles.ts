import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createKafkaBus } from '@tidemark/bus';
import { createOltpStore } from '@tidemark/db';
import { followChain, ProgressTracker, startSinkRole } from '@tidemark/indexer';
import { openAdapters } from '@tidemark/runtime';
import type { Logger } from 'pino';
import { startMarketRpc } from './market-rpc';
import { BENCH_CHAIN_ID, benchChainConfig, benchContracts } from './run-ingest-bench';
import { createSyntheticChainReader } from './synthetic-chain-reader';
import { SyntheticMarket, type MarketShape } from './synthetic-market';

/**
 * Kafka mode as it is deployed: the ingest role and the sink role in processes of their own,
 * joined by the broker. Each half reports its own CPU time and peak RSS; the parent times the
 * run from the ingest half's start to the sink half's last stored block.
 */
export interface SplitOptions {
  shape: MarketShape;
  brokers: string[];
  databaseUrl: string;
  maxBlockRange: number;
  logger: Logger;
  /** Called with one JSON-able record when the half is ready, and when it is done. */
  report: (record: Record<string, unknown>) => void;
}

const usage = (cpuAtStart: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(cpuAtStart);
  return {
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
};

/** The sink half: stores everything the bus delivers, reports once the last block is stored. */
export async function runSinkHalf(options: SplitOptions): Promise<void> {
  const market = new SyntheticMarket(options.shape);
  const dataDir = await mkdtemp(join(tmpdir(), 'tidemark-bench-sink-'));
  const adapters = await openAdapters(
    { kafkaBrokers: options.brokers, databaseUrl: options.databaseUrl, dataDir },
    options.logger,
    'tidemark-bench-sink',
  );
  try {
    await adapters.oltp.upsertChain({ chainId: BENCH_CHAIN_ID, name: 'bench' });
    const cpuAtStart = process.cpuUsage();
    const sink = await startSinkRole({ ...adapters, logger: options.logger });
    options.report({ role: 'sink', ready: true });
    for (;;) {
      const chains = await adapters.oltp.listChains();
      const indexed = chains.find((c) => c.chainId === BENCH_CHAIN_ID)?.indexedBlock ?? 0;
      if (indexed >= market.lastBlock) break;
      await sleep(50);
    }
    const doneAt = Date.now();
    const trades = await adapters.olap.countTrades({ chainId: BENCH_CHAIN_ID });
    options.report({ role: 'sink', doneAt, trades, ...usage(cpuAtStart) });
    await sink.stop();
  } finally {
    await adapters.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The ingest half: reads the generated chain and publishes it, reports once all is published. */
export async function runIngestHalf(options: SplitOptions): Promise<void> {
  const market = new SyntheticMarket(options.shape);
  const chain = createSyntheticChainReader(BENCH_CHAIN_ID, market);
  // The ingest role needs the bus and PostgreSQL (cursor, pools, tokens), not ClickHouse.
  const oltp = await createOltpStore({
    databaseUrl: options.databaseUrl,
    dataDir: tmpdir(),
    logger: options.logger,
  });
  const bus = await createKafkaBus({
    brokers: options.brokers,
    clientId: 'tidemark-bench-ingest',
    logger: options.logger,
  });
  const rpc = await startMarketRpc(market, BENCH_CHAIN_ID);
  const config = benchChainConfig(rpc.url, market, options.maxBlockRange);
  const contracts = benchContracts(config, options.logger);
  const abort = new AbortController();
  const progress = new ProgressTracker();
  try {
    progress.register(BENCH_CHAIN_ID, 'bench');
    const startedAt = Date.now();
    const cpuAtStart = process.cpuUsage();
    options.report({ role: 'ingest', startedAt });
    const ingest = followChain({
      chain,
      config,
      contracts: contracts.contracts,
      bus,
      oltp,
      logger: options.logger,
      progress,
      signal: abort.signal,
    });
    while ((progress.snapshot()[0]?.ingested ?? 0) < market.lastBlock) {
      const stopped = await Promise.race([ingest.then(() => true), sleep(50, false)]);
      if (stopped) throw new Error('ingest stopped before the last block');
    }
    const events = progress.snapshot()[0]?.totalEvents ?? 0;
    const blocks = market.lastBlock - market.shape.firstBlock + 1;
    options.report({
      role: 'ingest',
      publishedAt: Date.now(),
      events,
      blocks,
      ...usage(cpuAtStart),
    });
    abort.abort();
    await ingest;
  } finally {
    abort.abort();
    await bus.close();
    await oltp.close();
    await contracts.close();
    await rpc.close();
  }
}
