import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import {
  ChainConfig,
  createRpcChainReader,
  followChain,
  formatBackfill,
  ProgressTracker,
  startSinkRole,
} from '@tidemark/indexer';
import { openAdapters, type StoreSettings } from '@tidemark/runtime';
import { EventTopics } from '@tidemark/domain';
import type { Logger } from 'pino';
import { startMarketRpc } from './market-rpc';
import { createSyntheticChainReader } from './synthetic-chain-reader';
import { SyntheticMarket, type MarketShape } from './synthetic-market';

export interface BenchOptions {
  shape: MarketShape;
  /** Stores and bus from configuration, as the indexer takes them; dataDir defaults to a temp dir. */
  stores: Omit<StoreSettings, 'dataDir'> & { dataDir?: string };
  maxBlockRange: number;
  logger: Logger;
  /** Called about once a second while the run is in progress. */
  onProgress?: (line: string) => void;
}

export interface BenchResult {
  logs: number;
  blocks: number;
  /** Canonical events published (log events plus BlockV1 markers). */
  events: number;
  trades: number;
  seconds: number;
  /** CPU time of this process (user + system) over the run: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  logsPerSecond: number;
  eventsPerSecond: number;
  peakRssMiB: number;
}

export const BENCH_CHAIN_ID = 99_001;

/**
 * Indexes a generated chain end to end through the real roles (followChain publishing to the
 * bus, the sink role storing into both stores) and times it from start to the sink's last block.
 */
export async function runIngestBench(options: BenchOptions): Promise<BenchResult> {
  const market = new SyntheticMarket(options.shape);
  const chain = createSyntheticChainReader(BENCH_CHAIN_ID, market);
  const tempDir = options.stores.dataDir ?? (await mkdtemp(join(tmpdir(), 'tidemark-bench-')));
  const adapters = await openAdapters(
    { ...options.stores, dataDir: tempDir },
    options.logger,
    'tidemark-bench',
  );
  const rpc = await startMarketRpc(market, BENCH_CHAIN_ID);
  const config = benchChainConfig(rpc.url, market, options.maxBlockRange);
  const contracts = benchContracts(config, options.logger);
  const abort = new AbortController();
  const progress = new ProgressTracker();
  try {
    await adapters.oltp.upsertChain({ chainId: BENCH_CHAIN_ID, name: 'bench' });
    progress.register(BENCH_CHAIN_ID, 'bench');
    const sink = await startSinkRole({ ...adapters, logger: options.logger });
    const started = performance.now();
    const cpuAtStart = process.cpuUsage();
    const ingest = followChain({
      chain,
      config,
      contracts: contracts.contracts,
      ...adapters,
      logger: options.logger,
      progress,
      signal: abort.signal,
    });
    const failed = ingest.then(() => {
      throw new Error('ingest stopped before the sink caught up');
    });
    await Promise.race([waitForSink(adapters.oltp, market.lastBlock, progress, options), failed]);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuAtStart);
    abort.abort();
    await ingest;
    await sink.stop();
    const events = progress.snapshot()[0]?.totalEvents ?? 0;
    const logs = market.shape.totalLogs;
    return {
      logs,
      blocks: market.lastBlock - market.shape.firstBlock + 1,
      events,
      trades: await adapters.olap.countTrades({ chainId: BENCH_CHAIN_ID }),
      seconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      logsPerSecond: logs / seconds,
      eventsPerSecond: events / seconds,
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
    };
  } finally {
    abort.abort();
    await adapters.close();
    await contracts.close();
    await rpc.close();
    if (options.stores.dataDir === undefined) await rm(tempDir, { recursive: true, force: true });
  }
}

async function waitForSink(
  oltp: { listChains(): Promise<{ chainId: number; indexedBlock: number | null }[]> },
  lastBlock: number,
  progress: ProgressTracker,
  options: BenchOptions,
): Promise<void> {
  let lastReport = performance.now();
  for (;;) {
    const chains = await oltp.listChains();
    const indexed = chains.find((c) => c.chainId === BENCH_CHAIN_ID)?.indexedBlock ?? 0;
    if (indexed >= lastBlock) return;
    if (options.onProgress && performance.now() - lastReport >= 1000) {
      lastReport = performance.now();
      const m = process.memoryUsage();
      const mib = (n: number) => Math.round(n / 2 ** 20);
      options.onProgress(
        `${formatBackfill(progress.snapshot())} | stored ${indexed} | rss ${mib(m.rss)} MiB (heap ${mib(m.heapUsed)}, buffers ${mib(m.arrayBuffers)})`,
      );
    }
    await sleep(50);
  }
}

/** The bench chain, parsed like TIDEMARK_CHAINS, so every other setting keeps its default. */
export function benchChainConfig(rpcUrl: string, market: SyntheticMarket, maxBlockRange: number) {
  return ChainConfig.parse({
    id: BENCH_CHAIN_ID,
    name: 'bench',
    rpcUrl,
    startBlock: market.shape.firstBlock,
    maxBlockRange,
  });
}

/** Token and pool contract reads over the market's RPC (the synthetic reader has none). */
export function benchContracts(config: ChainConfig, logger: Logger) {
  return createRpcChainReader({ ...config, chainId: config.id, logger });
}

/** Logs in the generated chain that become trades: one per swap. */
export function expectedTrades(shape: MarketShape): number {
  const market = new SyntheticMarket(shape);
  let swaps = 0;
  for (let n = shape.firstBlock; n <= market.lastBlock; n++)
    for (const log of market.logsOf(n)) if (log.topics[0] === EventTopics.swapV2) swaps += 1;
  return swaps;
}
