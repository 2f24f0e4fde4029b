import { spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startKafka, startPostgres } from '@tidemark/testkit';
import type { BenchResult } from './run-ingest-bench';

// `npm run bench:ingest [-- --logs N --modes embedded,kafka]`: one child process per mode, so each
// mode's peak RSS is its own; Kafka and PostgreSQL run as separate server processes.
const { values } = parseArgs({
  options: {
    logs: { type: 'string', default: '1000000' },
    modes: { type: 'string', default: 'embedded,kafka' },
  },
});
const runMode = fileURLToPath(new URL('./run-mode.ts', import.meta.url));
const say = (line: string) => process.stdout.write(`${line}\n`);

function runChild(args: string[]): Promise<BenchResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', runMode, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as BenchResult);
      else reject(new Error(`benchmark run ${args.join(' ')} exited with ${code}`));
    });
  });
}

async function serverArgs(): Promise<{ args: string[]; stop: () => Promise<void> }> {
  const [kafka, postgres] = await Promise.all([startKafka(), startPostgres()]);
  return {
    args: ['--brokers', kafka.brokers.join(','), '--database-url', postgres.url],
    stop: async () => {
      await Promise.all([kafka.stop(), postgres.stop()]);
    },
  };
}

const describe = (mode: string, r: BenchResult) =>
  `${mode.padEnd(9)} ${r.logs} logs, ${r.blocks} blocks, ${r.events} events in ${r.seconds.toFixed(1)} s ` +
  `(cpu ${r.cpuSeconds.toFixed(1)} s): ${Math.round(r.eventsPerSecond)} events/s, ` +
  `${Math.round(r.logsPerSecond)} logs/s, peak RSS ${Math.round(r.peakRssMiB)} MiB, ${r.trades} trades`;

say(
  `machine: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
);
const results: Record<string, BenchResult> = {};
for (const mode of values.modes.split(',').map((m) => m.trim())) {
  if (mode !== 'embedded' && mode !== 'kafka') throw new Error(`unknown mode ${mode}`);
  say(`${mode}: indexing ${values.logs} generated logs...`);
  const servers = mode === 'kafka' ? await serverArgs() : undefined;
  try {
    results[mode] = await runChild(['--logs', values.logs, ...(servers?.args ?? [])]);
  } finally {
    await servers?.stop();
  }
  say(describe(mode, results[mode]));
}
say(JSON.stringify(results));
