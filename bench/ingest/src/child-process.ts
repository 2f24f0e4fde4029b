import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const runMode = fileURLToPath(new URL('./run-mode.ts', import.meta.url));
/** The V8 flags the indexer runs with (scripts/start.mjs, apps/indexer and apps/launcher `start`). */
export const INDEXER_NODE_FLAGS = ['--heap-growing-percent=100'];

export interface BenchChild {
  /** The next JSON line the child prints that satisfies `match`. */
  next(match: (record: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** Resolves when the child exits with 0; rejects otherwise. */
  exited: Promise<void>;
  process: ChildProcess;
}

/** Starts `run-mode.ts` with `args` in a process of its own; stderr is passed through. */
export function startBenchChild(args: string[]): BenchChild {
  const child = spawn(
    process.execPath,
    [...INDEXER_NODE_FLAGS, '--import', 'tsx', runMode, ...args],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
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
