import { ConfigError } from '../../src/config-error';
import { runMain } from '../../src/run-main';

// An entry point for run-main.test.ts; its first argument says how the body ends.
const mode = process.argv[2];

function ending(): Promise<void> {
  if (mode === 'config')
    return Promise.reject(new ConfigError('LOG_LEVEL', 'expected one of info, debug (got "loud")'));
  if (mode === 'fatal')
    return Promise.reject(new Error('cannot reach the store\n    at somewhere (file.ts:1:1)'));
  // A server's open handles keep the process alive until a signal stops it.
  if (mode === 'serve') setInterval(() => undefined, 60_000);
  return Promise.resolve();
}

runMain(
  (onStop) => {
    onStop((signal) => {
      process.stdout.write(`stop hook ran (${signal ?? 'body ended'})\n`);
      return Promise.resolve();
    });
    process.stdout.write('started\n');
    return ending();
  },
  { untilSignal: mode === 'serve' },
);
