/**
 * `npm run bench:gateway [-- --subscribers N --idle 10000,50000 …]`: the gateway's HTTP query
 * rate, block-to-subscriber latency and memory per idle subscriber (see bench/gateway/README.md).
 * Prints a summary, then the report as one JSON line; exits 1 if a request failed or a push was
 * lost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runGatewayBench, type GatewayBenchReport } from './run-gateway-bench';

const { values: args } = parseArgs({
  options: {
    'seed-trades': { type: 'string', default: '100000' },
    rate: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '5' },
    duration: { type: 'string', default: '20' },
    subscribers: { type: 'string', default: '10000' },
    processes: { type: 'string', default: '2' },
    blocks: { type: 'string', default: '30' },
    'trades-per-block': { type: 'string', default: '5' },
    'block-interval': { type: 'string', default: '1000' },
    idle: { type: 'string', default: '10000,50000' },
    profile: { type: 'string' },
    'write-threads': { type: 'string' },
  },
});

function positive(name: keyof typeof args, value = args[name]): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0)
    throw new Error(`--${name}: expected a positive integer, got "${String(value)}"`);
  return number;
}

function threadCount(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 64)
    throw new Error(`--write-threads: expected an integer from 0 to 64, got "${value}"`);
  return number;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

function summary(report: GatewayBenchReport): void {
  const { http, live } = report;
  say(`gateway write threads besides the main thread: ${report.writeThreads}`);
  say(
    `HTTP trades query at ${http.rate} req/s: ${http.requestsPerSecond} req/s answered, ` +
      `p50 ${http.latency.p50} ms, p99 ${http.latency.p99} ms, max ${http.latency.max} ms, ` +
      `${http.errors} errors, send lag ${http.sendLagMs} ms`,
  );
  say(
    `block-to-subscriber, ${live.subscribers} subscribers, ${live.blocks} blocks of ` +
      `${live.tradesPerBlock} trades every ${live.blockIntervalMs} ms: p50 ${live.latency.p50} ms, ` +
      `p99 ${live.latency.p99} ms, max ${live.latency.max} ms (${live.delivered}/${live.expected} pushes); ` +
      `the gateway's fan-out per block: p50 ${live.gatewayFanout.p50} ms, max ${live.gatewayFanout.max} ms; ` +
      `the gateway's CPU per block: ${live.gatewayCpuMsPerBlock} ms; ` +
      `the subscriber processes' CPU per block: ${live.subscriberCpuMsPerBlock} ms`,
  );
  const { baseline } = report;
  say(
    `gateway with no subscriber: RSS ${mib(baseline.rssBytes)}, JS heap ${mib(baseline.heapUsedBytes)}`,
  );
  if (report.skippedIdle.length > 0)
    say(
      `not measured: ${report.skippedIdle.join(', ')} idle subscribers (the gateway process may ` +
        `open ${report.maxOpenFiles} files; raise \`ulimit -n\`, as root, to measure them)`,
    );
  for (const idle of report.idle)
    say(
      `${idle.subscribers} idle subscribers: RSS ${mib(idle.rssBytes)} ` +
        `(${mib(idle.rssPer10kBytes)} per 10,000 above no subscriber), JS heap ` +
        `${mib(idle.heapUsedBytes)} (${mib(idle.heapPer10kBytes)} per 10,000)`,
    );
}

const idle = (args.idle ?? '')
  .split(',')
  .filter((item) => item.trim() !== '')
  .map((item) => positive('idle', item.trim()));
const dataDir = await mkdtemp(join(tmpdir(), 'tidemark-gateway-bench-'));
say(`data dir ${dataDir}; ${cpus().length} cores, ${mib(totalmem())} memory`);
try {
  const report = await runGatewayBench({
    dataDir,
    seedTrades: positive('seed-trades'),
    http: {
      rate: positive('rate'),
      warmupSeconds: Number(args.warmup),
      durationSeconds: positive('duration'),
    },
    live: {
      subscribers: positive('subscribers'),
      processes: positive('processes'),
      blocks: positive('blocks'),
      tradesPerBlock: positive('trades-per-block'),
      blockIntervalMs: positive('block-interval'),
    },
    idle,
    writeThreads:
      args['write-threads'] === undefined ? undefined : threadCount(args['write-threads']),
    profileDir: args.profile,
    log: say,
  });
  summary(report);
  say(JSON.stringify({ ...report, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) }));
  if (report.http.errors > 0 || report.live.delivered < report.live.expected) {
    if (report.http.firstError) say(`first HTTP error: ${report.http.firstError}`);
    process.exitCode = 1;
  }
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
