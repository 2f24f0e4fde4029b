import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const runMode = fileURLToPath(new URL('./run-mode.ts', import.meta.url));
/** The V8 flags the indexer runs with (scripts/start.mjs, apps/indexer and apps/launcher `start`). */
export const INDEXER_NODE_FLAGS = ['--heap-growing-percent=100'];
/**
 * What the chart adds for a process of one role, ingest or sink (`indexer.*.nodeOptions`): a
 * young generation large enough for a range's events to die young. The all-in-one process goes
 * without: its 1 GiB budget is taken by chDB and PGlite.
 */
export const SPLIT_ROLE_NODE_FLAGS = ['--max-semi-space-size=128'];

const flagsFor = (args: readonly string[]) => {
  const role = args[args.indexOf('--role') + 1];
  const split = args.includes('--role') && role !== 'all';
  return split ? [...INDEXER_NODE_FLAGS, ...SPLIT_ROLE_NODE_FLAGS] : INDEXER_NODE_FLAGS;
};

export interface BenchChild {
  /** The next JSON line the child prints that satisfies `match`. */
  next(match: (record: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves when the child exits with 0; rejects otherwise. */
  exited: Promise<void>;
  process: ChildProcess;
}

/** Starts `run-mode.ts` with `args` in a process of its own; stderr is passed through. */
export function startBenchChild(args: string[]): BenchChild {
  const child = spawn(process.execPath, [...flagsFor(args), '--import', 'tsx', runMode, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const records: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    records.push(JSON.parse(line) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`benchmark run ${args.join(' ')} exited with ${code}`)),
    );
  });
  const next: BenchChild['next'] = async (match) => {
    for (;;) {
      const index = records.findIndex(match);
      if (index >= 0) return records.splice(index, 1)[0]!;
      await Promise.race([
        new Promise<void>((wake) => waiters.push(wake)),
        exited.then(() => {
          throw new Error(`benchmark run ${args.join(' ')} exited before reporting`);
        }),
      ]);
    }
  };
  return { next, exited, process: child };
}
