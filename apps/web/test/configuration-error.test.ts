import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const nextBin = createRequire(join(webDir, 'package.json')).resolve('next/dist/bin/next');

/** Runs the built dashboard's server (`next start`) with the given settings; returns how it ended. */
function startServer(
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [nextBin, 'start', '--hostname', '127.0.0.1', '--port', '0'],
      {
        cwd: webDir,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
          ...env,
        },
        timeout: 60_000,
      },
      (error, _stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number | null), stderr }),
    );
  });
}

describe('a bad setting stops the dashboard server with the one configuration error line and exit code 1', () => {
  it('needs the built dashboard (npm test builds it first)', () => {
    expect(existsSync(join(webDir, '.next', 'BUILD_ID'))).toBe(true);
  });

  it.each([
    [
      { TIDEMARK_GATEWAY_URL: 'ftp://gateway.example.org/graphql' },
      'TIDEMARK_GATEWAY_URL: must be an http(s) URL: Invalid URL',
    ],
    [
      { TIDEMARK_SIWE_DOMAIN: 'https://app.example.org' },
      'TIDEMARK_SIWE_DOMAIN: must be a host name with an optional port, like app.example.org (got "https://app.example.org")',
    ],
  ])('%o', async (env, line) => {
    const { code, stderr } = await startServer(env);
    expect(code).toBe(1);
    expect(stderr).toBe(`tidemark: configuration error: ${line}\n`);
  });
});
