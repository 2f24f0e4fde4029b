import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createInProcessBus } from '@tidemark/bus';
import { createAnalyticsOlapStore, createOlapStore, createOltpStore } from '@tidemark/db';
import { createGateway, parseGatewayConfig } from '@tidemark/gateway';
import { summarize, type LatencySummary } from './latency';
import { tradesPerHour } from './generate-trades';
import { ledgerWallets, loadStore, type LoadLog } from './load-store';
import type { OpenLoopPlan, OpenLoopResult } from './open-loop';
import { QUERY_KINDS, type QueryKind } from './query-mix';
import type { TradeShape } from './synthetic-trades';

export interface QueryBenchOptions {
  shape: TradeShape;
  dataDir: string;
  /** Reuse the history already loaded in dataDir (same shape). */
  skipLoad: boolean;
  rate: number;
  warmupSeconds: number;
  durationSeconds: number;
  log: LoadLog;
}

export interface QueryBenchReport {
  /** Trades in the history (the asked number rounded to whole trades per hour). */
  trades: number;
  rate: number;
  durationSeconds: number;
  warmupSeconds: number;
  loadSeconds: number | null;
  overall: LatencySummary;
  kinds: Record<QueryKind, LatencySummary>;
  errors: number;
  firstErrors: { kind: QueryKind; message: string }[];
  /** How late the generator sent its last request (ms): large means it could not keep the rate. */
  sendLagMs: number;
}

/** The "now" of every query: half an hour before the history ends, so every window has data. */
const benchNow = (shape: TradeShape) => shape.start + shape.days * 86_400 - 1_800;

const openLoopProcess = fileURLToPath(new URL('./open-loop-process.ts', import.meta.url));

/** Runs the load generator in a child process and returns what it printed. */
function runGenerator(plan: OpenLoopPlan): Promise<OpenLoopResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', openLoopProcess, JSON.stringify(plan)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator exited with ${code}`));
      else resolve(JSON.parse(out) as OpenLoopResult);
    });
  });
}

function report(options: QueryBenchOptions, result: OpenLoopResult, loadSeconds: number | null) {
  const kinds = Object.fromEntries(
    QUERY_KINDS.map((kind) => [kind, summarize(result.latencies[kind] ?? [])]),
  ) as Record<QueryKind, LatencySummary>;
  return {
    trades: tradesPerHour(options.shape) * options.shape.days * 24,
    rate: options.rate,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    loadSeconds,
    overall: summarize(Object.values(result.latencies).flat()),
    kinds,
    errors: result.errors.length,
    firstErrors: result.errors.slice(0, 5),
    sendLagMs: Math.round(result.sendLagMs * 100) / 100,
  } satisfies QueryBenchReport;
}

/**
 * Loads the history (unless skipLoad), starts the real gateway on it over HTTP on a free port, and
 * sends the query mix at `rate` requests per second from a separate process.
 */
export async function runQueryBench(options: QueryBenchOptions): Promise<QueryBenchReport> {
  const now = benchNow(options.shape);
  let loadSeconds: number | null = null;
  if (!options.skipLoad) {
    const started = performance.now();
    await loadStore(options.dataDir, options.shape, now, options.log);
    loadSeconds = Math.round((performance.now() - started) / 1000);
  }
  const logger = pino({ level: 'warn' });
  const stores = { dataDir: options.dataDir, logger };
  const oltp = await createOltpStore(stores);
  const olap = await createOlapStore(stores);
  const analytics = await createAnalyticsOlapStore(stores);
  const bus = createInProcessBus({ logger });
  // The whole load comes from one address at ~90,000 cost units per second, far over the default
  // per-client rate limit: it measures the queries, so the limit is off.
  const config = parseGatewayConfig({
    GATEWAY_HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    GATEWAY_RATE_LIMIT_COST_PER_SECOND: '0',
  });
  const gateway = await createGateway({
    config,
    oltp,
    olap,
    analytics,
    bus,
    logger,
    clock: () => now,
  });
  try {
    const result = await runGenerator({
      url: gateway.url,
      shape: options.shape,
      ledgerWallets: ledgerWallets(options.shape).length,
      now,
      rate: options.rate,
      warmupSeconds: options.warmupSeconds,
      durationSeconds: options.durationSeconds,
    });
    return report(options, result, loadSeconds);
  } finally {
    await gateway.stop();
    await bus.close();
    await Promise.all([oltp.close(), olap.close(), analytics.close()]);
  }
}
