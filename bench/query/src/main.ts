/**
 * `npm run bench:query [-- --trades N --duration S --data-dir DIR --skip-load]`: the analytics
 * queries through the GraphQL gateway at a fixed request rate (see bench/query/README.md).
 * Prints a table, then the report as one JSON line; exits 1 if any request failed.
 */
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runQueryBench, type QueryBenchReport } from './run-query-bench';
import type { TradeShape } from './synthetic-trades';

const { values: args } = parseArgs({
  options: {
    trades: { type: 'string', default: '10000000' },
    wallets: { type: 'string', default: '50000' },
    pools: { type: 'string', default: '500' },
    days: { type: 'string', default: '60' },
    rate: { type: 'string', default: '200' },
    duration: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
    'data-dir': { type: 'string' },
    'skip-load': { type: 'boolean', default: false },
  },
});

function positive(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`--${name}: expected a positive integer, got "${String(args[name])}"`);
  return value;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

function table(report: QueryBenchReport): void {
  const row = (name: string, s: QueryBenchReport['overall']) =>
    say(
      `${name.padEnd(18)} ${String(s.count).padStart(7)} ${s.p50.toFixed(1).padStart(8)} ` +
        `${s.p99.toFixed(1).padStart(8)} ${s.max.toFixed(1).padStart(8)}`,
    );
  say(
    `${'query'.padEnd(18)} ${'count'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)}`,
  );
  for (const [kind, summary] of Object.entries(report.kinds)) row(kind, summary);
  row('overall', report.overall);
  say(`errors ${report.errors}; generator send lag ${report.sendLagMs} ms`);
}

const shape: TradeShape = {
  trades: positive('trades'),
  wallets: positive('wallets'),
  pools: positive('pools'),
  days: positive('days'),
  start: 1_700_006_400 - (1_700_006_400 % 86_400),
};
if (args['skip-load'] && !args['data-dir']) throw new Error('--skip-load needs --data-dir');
const dataDir = args['data-dir'] ?? (await mkdtemp(join(tmpdir(), 'tidemark-query-bench-')));
say(`data dir ${dataDir}; ${JSON.stringify(shape)}; ${cpus().length} cores`);
const report = await runQueryBench({
  shape,
  dataDir,
  skipLoad: args['skip-load'],
  rate: positive('rate'),
  warmupSeconds: Number(args.warmup),
  durationSeconds: positive('duration'),
  log: say,
});
table(report);
say(JSON.stringify({ ...report, loadAverage: loadavg().map((l) => Math.round(l * 100) / 100) }));
if (report.errors > 0) {
  for (const error of report.firstErrors) say(`error (${error.kind}): ${error.message}`);
  process.exitCode = 1;
}
