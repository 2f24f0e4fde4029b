import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseServerEnv } from '../src/server-env';

const appDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the standalone entry point the way `npm start` does and returns how it ended. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      { cwd: appDir, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20_000 },
      (error, _stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number | null), stderr }),
    );
  });
}

describe('the standalone entry point', () => {
  it.each([
    ['GATEWAY_PORT', 'abc', 'expected an integer from 0 to 65535'],
    ['KAFKA_BROKERS', 'no-port', 'expected host:port'],
    ['LOG_LEVEL', 'loud', 'expected one of fatal, error, warn, info, debug, trace, silent'],
  ])('refuses %s=%s with one line naming the setting', async (name, value, reason) => {
    const { code, stderr } = await runMain({ [name]: value });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(new RegExp(`^tidemark: configuration error: ${name}: .*${value}`));
    expect(stderr).toBe(
      `tidemark: configuration error: ${name}: ${reason} (got ${JSON.stringify(value)})\n`,
    );
  });
});

describe('parseServerEnv', () => {
  it('reads the adapter settings', () => {
    expect(
      parseServerEnv({
        TIDEMARK_DATA_DIR: '/var/lib/tidemark',
        DATABASE_URL: 'postgres://u:p@db:5432/tidemark',
        CLICKHOUSE_URL: 'http://ch:8123',
        KAFKA_BROKERS: 'k1:9092, k2:9092',
        LOG_LEVEL: 'debug',
      }),
    ).toMatchObject({
      dataDir: '/var/lib/tidemark',
      databaseUrl: 'postgres://u:p@db:5432/tidemark',
      clickhouseUrl: 'http://ch:8123',
      kafkaBrokers: ['k1:9092', 'k2:9092'],
      logLevel: 'debug',
    });
  });

  it('leaves unset adapters to their embedded defaults', () => {
    const env = parseServerEnv({ KAFKA_BROKERS: ' ' });
    expect(env.dataDir).toBe('./.tidemark');
    expect(env.kafkaBrokers).toBeUndefined();
    expect(env.databaseUrl).toBeUndefined();
    expect(env.clickhouseUrl).toBeUndefined();
  });
});
