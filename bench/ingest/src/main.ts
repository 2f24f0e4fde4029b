import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { startKafka, startPostgres } from '@tidemark/testkit';
import { startBenchChild } from './child-process';
import type { BenchResult } from './run-ingest-bench';

// `npm run bench:ingest [-- --logs N --modes embedded,kafka]`. Embedded mode runs in one child
// process (everything in one process, as `npm start` does); Kafka mode runs the ingest and the
// sink role in a child each, as they are deployed, with Kafka and PostgreSQL as server processes.
const { values } = parseArgs({
  options: {
    logs: { type: 'string', default: '1000000' },
    modes: { type: 'string', default: 'embedded,kafka' },
  },
});
const say = (line: string) => process.stdout.write(`${line}\n`);

interface ModeResult extends BenchResult {
  /** Kafka mode: each role's own figures. */
  roles?: Record<string, { cpuSeconds: number; peakRssMiB: number }>;
}

async function runEmbedded(logs: string): Promise<ModeResult> {
  const child = startBenchChild(['--logs', logs]);
  const result = await child.next((r) => 'eventsPerSecond' in r);
  await child.exited;
  return result as unknown as BenchResult;
}

async function runKafka(logs: string): Promise<ModeResult> {
  const [kafka, postgres] = await Promise.all([startKafka(), startPostgres()]);
  try {
    const args = [
      '--logs',
      logs,
      '--brokers',
      kafka.brokers.join(','),
      '--database-url',
      postgres.url,
    ];
    const sink = startBenchChild([...args, '--role', 'sink']);
    await sink.next((r) => r.ready === true);
    const ingest = startBenchChild([...args, '--role', 'ingest']);
    const started = await ingest.next((r) => 'startedAt' in r);
    const published = await ingest.next((r) => 'publishedAt' in r);
    const stored = await sink.next((r) => 'doneAt' in r);
    await Promise.all([ingest.exited, sink.exited]);
    const seconds = ((stored.doneAt as number) - (started.startedAt as number)) / 1000;
    const events = published.events as number;
    const logCount = Number(logs);
    const role = (r: Record<string, unknown>) => ({
      cpuSeconds: r.cpuSeconds as number,
      peakRssMiB: r.peakRssMiB as number,
    });
    return {
      logs: logCount,
      blocks: published.blocks as number,
      events,
      trades: stored.trades as number,
      seconds,
      cpuSeconds: role(published).cpuSeconds + role(stored).cpuSeconds,
      logsPerSecond: logCount / seconds,
      eventsPerSecond: events / seconds,
      peakRssMiB: Math.max(role(published).peakRssMiB, role(stored).peakRssMiB),
      roles: { ingest: role(published), sink: role(stored) },
    };
  } finally {
    await Promise.all([kafka.stop(), postgres.stop()]);
  }
}

const describe = (mode: string, r: ModeResult) =>
  `${mode.padEnd(9)} ${r.logs} logs, ${r.events} events in ${r.seconds.toFixed(1)} s ` +
  `(cpu ${r.cpuSeconds.toFixed(1)} s): ${Math.round(r.eventsPerSecond)} events/s, ` +
  `peak RSS ${Math.round(r.peakRssMiB)} MiB, ${r.trades} trades` +
  (r.roles
    ? ` [${Object.entries(r.roles)
        .map(
          ([name, v]) =>
            `${name}: cpu ${v.cpuSeconds.toFixed(1)} s, RSS ${Math.round(v.peakRssMiB)} MiB`,
        )
        .join('; ')}]`
    : '');

say(
  `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
const results: Record<string, ModeResult> = {};
for (const mode of values.modes.split(',').map((m) => m.trim())) {
  if (mode !== 'embedded' && mode !== 'kafka') throw new Error(`unknown mode ${mode}`);
  say(`${mode}: indexing ${values.logs} generated logs...`);
  results[mode] =
    mode === 'embedded' ? await runEmbedded(values.logs) : await runKafka(values.logs);
  say(describe(mode, results[mode]));
}
say(JSON.stringify(results));
