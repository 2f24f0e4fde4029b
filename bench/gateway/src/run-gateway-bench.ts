import type { ChildProcess } from 'node:child_process';
import { ask, spawnChild } from './child';
import type { FromGateway, GatewayPlan } from './gateway-process';
import { summarize, type LatencySummary } from './histogram';
import { runHttpLoad, type HttpLoadResult } from './http-load';
import { SubscriberFleet } from './subscribers';

export interface GatewayBenchOptions {
  dataDir: string;
  seedTrades: number;
  http: { rate: number; warmupSeconds: number; durationSeconds: number };
  live: {
    subscribers: number;
    processes: number;
    blocks: number;
    tradesPerBlock: number;
    blockIntervalMs: number;
  };
  /** Where the gateway process writes a V8 CPU profile (`--cpu-prof`); none when undefined. */
  profileDir?: string;
  /** GATEWAY_WRITE_THREADS for the gateway (undefined: its default for this machine). */
  writeThreads?: number;
  /** Idle subscriber counts to measure the gateway's memory at, ascending. */
  idle: number[];
  log: (line: string) => void;
}

interface LiveResult {
  subscribers: number;
  blocks: number;
  tradesPerBlock: number;
  blockIntervalMs: number;
  /** Pushes received of those expected (subscribers x blocks x trades per block). */
  delivered: number;
  expected: number;
  /** Publish on the gateway's bus to arrival at the subscriber, per push, in ms. */
  latency: LatencySummary;
  /** Per block: publish to the end of the gateway's writes to every socket, in ms. */
  gatewayFanout: LatencySummary;
  /** CPU time the subscriber processes spent per block, together (they share the machine). */
  subscriberCpuMsPerBlock: number;
  /** CPU time (user + system, every thread) the gateway process spent per block. */
  gatewayCpuMsPerBlock: number;
}

interface IdleResult {
  subscribers: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Growth above the gateway with no subscriber, per 10,000 subscribers. */
  rssPer10kBytes: number;
  heapPer10kBytes: number;
}

export interface GatewayBenchReport {
  seedTrades: number;
  /** Threads writing pushes besides the gateway's main thread. */
  writeThreads: number;
  /** The gateway process's file-descriptor limit: at most this many sockets fit. */
  maxOpenFiles: number;
  /** Idle counts asked for that did not fit under that limit. */
  skippedIdle: number[];
  http: HttpLoadResult;
  live: LiveResult;
  baseline: Memory;
  idle: IdleResult[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Ready = Extract<FromGateway, { type: 'ready' }>;
type MemoryReply = Extract<FromGateway, { type: 'memory' }>;
type CpuReply = Extract<FromGateway, { type: 'cpu' }>;
const gatewayCpuMs = async (gateway: ChildProcess) =>
  (await ask<CpuReply>(gateway, { type: 'cpu' }, 'cpu')).cpuMs;
type Memory = Omit<MemoryReply, 'type'>;

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

let nextBlock = 1_000_000;

type Published = Extract<FromGateway, { type: 'published' }>;

/** Publishes a block on the gateway's bus; resolves with the gateway's fan-out time (ms). */
async function publishBlock(gateway: ChildProcess, trades: number): Promise<number> {
  const block = nextBlock++;
  return (await ask<Published>(gateway, { type: 'publish', block, trades }, 'published')).fanoutMs;
}

/** The fleet's latencies once `expected` pushes arrived, or after 30 s (some were lost). */
async function latenciesWhenDelivered(fleet: SubscriberFleet, expected: number) {
  let measured = await fleet.latencies();
  const deadline = Date.now() + 30_000;
  while (measured.histogram.count < expected && Date.now() < deadline) {
    await sleep(250);
    measured = await fleet.latencies();
  }
  return measured;
}

async function runLive(
  gateway: ChildProcess,
  wsUrl: string,
  live: GatewayBenchOptions['live'],
  log: (line: string) => void,
): Promise<LiveResult> {
  const fleet = await SubscriberFleet.open(wsUrl, live.subscribers, live.processes);
  try {
    log(`${live.subscribers} subscribers connected; warming up`);
    // Subscriptions start without an acknowledgement: publish until every socket has had a push.
    await until(
      'every subscriber to receive a warm-up block',
      async () => {
        await publishBlock(gateway, 1);
        await sleep(200);
        return (await fleet.status()).receiving >= live.subscribers;
      },
      120_000,
    );
    await sleep(500);
    await fleet.reset();
    const cpuAtStart = await gatewayCpuMs(gateway);
    const started = performance.now();
    const fanout: number[] = [];
    for (let b = 0; b < live.blocks; b += 1) {
      fanout.push(await publishBlock(gateway, live.tradesPerBlock));
      const due = started + (b + 1) * live.blockIntervalMs;
      await sleep(Math.max(0, due - performance.now()));
    }
    const expected = live.subscribers * live.blocks * live.tradesPerBlock;
    const measured = await latenciesWhenDelivered(fleet, expected);
    const { histogram } = measured;
    const gatewayCpu = (await gatewayCpuMs(gateway)) - cpuAtStart;
    const { blocks, tradesPerBlock, blockIntervalMs, subscribers } = live;
    const latency = histogram.summary();
    return {
      gatewayFanout: summarize(fanout),
      subscriberCpuMsPerBlock: Math.round(measured.cpuMs / live.blocks),
      gatewayCpuMsPerBlock: Math.round(gatewayCpu / live.blocks),
      subscribers,
      blocks,
      tradesPerBlock,
      blockIntervalMs,
      delivered: histogram.count,
      expected,
      latency,
    };
  } finally {
    fleet.close();
  }
}

async function memory(gateway: ChildProcess): Promise<Memory> {
  await sleep(1000);
  const { rssBytes, heapUsedBytes } = await ask<MemoryReply>(gateway, { type: 'memory' }, 'memory');
  return { rssBytes, heapUsedBytes };
}

const per10k = (grown: number, subscribers: number) => Math.round((grown / subscribers) * 10_000);

async function runIdle(
  gateway: ChildProcess,
  wsUrl: string,
  counts: number[],
  processes: number,
  log: (line: string) => void,
): Promise<{ baseline: Memory; idle: IdleResult[] }> {
  const baseline = await memory(gateway);
  const idle: IdleResult[] = [];
  for (const subscribers of counts) {
    const fleet = await SubscriberFleet.open(wsUrl, subscribers, processes);
    try {
      const { rssBytes, heapUsedBytes } = await memory(gateway);
      idle.push({
        subscribers,
        rssBytes,
        heapUsedBytes,
        rssPer10kBytes: per10k(rssBytes - baseline.rssBytes, subscribers),
        heapPer10kBytes: per10k(heapUsedBytes - baseline.heapUsedBytes, subscribers),
      });
      log(`${subscribers} idle subscribers: gateway RSS ${(rssBytes / 2 ** 20).toFixed(0)} MiB`);
    } finally {
      fleet.close();
    }
    // The closed sockets leave the gateway before the next count is measured.
    await sleep(5000);
  }
  return { baseline, idle };
}

/** Sockets kept free for the stores' files and the HTTP measurement. */
const spareFiles = 1000;

/** The idle counts that fit under the gateway's descriptor limit, plus the most that fits. */
export function fitIdleCounts(counts: readonly number[], maxOpenFiles: number) {
  const most = Math.floor((maxOpenFiles - spareFiles) / 1000) * 1000;
  const fitting = counts.filter((count) => count <= most);
  const skipped = counts.filter((count) => count > most);
  if (skipped.length > 0 && most > 0 && !fitting.includes(most)) fitting.push(most);
  return { fitting, skipped };
}

/** Starts the gateway process, then measures HTTP, live latency and idle memory in turn. */
export async function runGatewayBench(options: GatewayBenchOptions): Promise<GatewayBenchReport> {
  const { log } = options;
  const plan: GatewayPlan = {
    dataDir: options.dataDir,
    seedTrades: options.seedTrades,
    writeThreads: options.writeThreads,
  };
  const maxFiles = Math.max(...options.idle, options.live.subscribers) + 10_000;
  const gateway = spawnChild('./gateway-process.ts', plan, maxFiles, [
    '--expose-gc',
    ...(options.profileDir === undefined
      ? []
      : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`]),
  ]);
  try {
    const ready = await ask<Ready>(gateway, undefined, 'ready', 600_000);
    log(
      `gateway at ${ready.url}; ${options.seedTrades} trades seeded in ${ready.seedSeconds.toFixed(1)} s`,
    );
    const http = await runHttpLoad({ url: ready.url, ...options.http });
    log(
      `HTTP: ${http.requestsPerSecond} req/s, p50 ${http.latency.p50} ms, p99 ${http.latency.p99} ms`,
    );
    const live = await runLive(gateway, ready.wsUrl, options.live, log);
    log(
      `live: p50 ${live.latency.p50} ms, p99 ${live.latency.p99} ms, ${live.delivered}/${live.expected} pushes`,
    );
    await sleep(3000);
    const { fitting, skipped } = fitIdleCounts(options.idle, ready.maxOpenFiles);
    if (skipped.length > 0)
      log(
        `idle counts ${skipped.join(', ')} exceed the gateway's ${ready.maxOpenFiles} file descriptors: measuring ${fitting.join(', ')}`,
      );
    const idle = await runIdle(gateway, ready.wsUrl, fitting, options.live.processes, log);
    return {
      seedTrades: options.seedTrades,
      writeThreads: ready.writeThreads,
      maxOpenFiles: ready.maxOpenFiles,
      skippedIdle: skipped,
      http,
      live,
      ...idle,
    };
  } finally {
    await ask(gateway, { type: 'stop' }, 'stopped', 60_000).catch(() => gateway.kill('SIGKILL'));
  }
}
