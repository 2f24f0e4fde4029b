import type { ChildProcess } from 'node:child_process';

// Chains still running when this process exits normally are killed here; if it dies abruptly,
// each chain's own watchdog (parent-watchdog.cjs) ends it instead.
const running = new Set<ChildProcess>();
let hooked = false;

export function trackChild(child: ChildProcess): void {
  running.add(child);
  if (hooked) return;
  hooked = true;
  process.once('exit', () => {
    for (const remaining of running) remaining.kill('SIGKILL');
  });
}

export function untrackChild(child: ChildProcess): void {
  running.delete(child);
}
