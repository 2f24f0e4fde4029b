// `npm start`: builds what must be built (turbo caches it, so a second start skips it), then runs
// the whole product on embedded defaults. Ctrl-C reaches the launcher, which stops everything.
import { spawnSync, spawn } from 'node:child_process';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' };
const build = spawnSync(
  'npx',
  ['turbo', 'run', 'build', '--filter=@tidemark/web', '--output-logs=errors-only'],
  { stdio: 'inherit', env },
);
if (build.status !== 0) process.exit(build.status ?? 1);
// V8 lets the heap grow to 2x the live data between full collections (the default goes up to
// 4x): about 150 MiB less peak memory for a few percent more GC; see docs/benchmarks.md.
const launcher = spawn(
  process.execPath,
  ['--heap-growing-percent=100', '--import', 'tsx', 'apps/launcher/src/main.ts'],
  { stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => launcher.kill(signal));
launcher.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
