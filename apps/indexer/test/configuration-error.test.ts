import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-indexer-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const chains = JSON.stringify([{ id: 1, name: 'ethereum', rpcUrl: 'http://127.0.0.1:1' }]);

/** Runs an entry point the way its npm script does and returns how it ended. */
function run(
  entry: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', entry, ...args],
      {
        cwd: appDir,
        env: { PATH: process.env.PATH ?? '', TIDEMARK_DATA_DIR: dataDir, ...env },
        timeout: 30_000,
      },
      (error, _stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number | null), stderr }),
    );
  });
}

const rangeArgs = ['--rpc', 'http://127.0.0.1:1', '--chain-id', '1', '--from', '0', '--to', '1'];

describe('a bad setting stops the indexer with the one configuration error line and exit code 1', () => {
  it.each([
    [
      'main: LOG_LEVEL',
      'src/main.ts',
      [],
      { TIDEMARK_CHAINS: chains, LOG_LEVEL: 'loud' },
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [
      'main: KAFKA_BROKERS',
      'src/main.ts',
      [],
      { TIDEMARK_CHAINS: chains, KAFKA_BROKERS: 'k1:9092,no-port' },
      'KAFKA_BROKERS: expected host:port (got "k1:9092,no-port")',
    ],
    [
      'main: TIDEMARK_PNL_METHOD',
      'src/main.ts',
      [],
      { TIDEMARK_CHAINS: chains, TIDEMARK_PNL_METHOD: 'lifo' },
      'TIDEMARK_PNL_METHOD: expected "average" or "fifo"',
    ],
    [
      'index-range: DATABASE_URL',
      'src/cli/index-range.ts',
      rangeArgs,
      { DATABASE_URL: 'mysql://u:secret@db/x' },
      'DATABASE_URL: expected postgres://user:pass@host:port/db (got value not shown)',
    ],
  ])('%s', async (_label, entry, args, env, line) => {
    const { code, stderr } = await run(entry, args, env);
    expect(code).toBe(1);
    expect(stderr).toBe(`tidemark: configuration error: ${line}\n`);
  });
});
