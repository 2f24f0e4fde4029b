import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-launcher-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm start`'s entry point with only the given settings and returns how it ended. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
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

describe('a bad setting stops npm start with the one configuration error line and exit code 1', () => {
  it.each([
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent (got "loud")',
    ],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS: expected host:port (got "localhost")'],
    [{ WEB_PORT: 'eighty' }, 'WEB_PORT: expected a TCP port (1-65535) (got "eighty")'],
    [{ GATEWAY_PORT: 'abc' }, 'GATEWAY_PORT: expected an integer from 0 to 65535 (got "abc")'],
  ])('%o', async (env, line) => {
    const { code, stderr } = await runMain(env);
    expect(code).toBe(1);
    expect(stderr).toBe(`tidemark: configuration error: ${line}\n`);
  });
});
