import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnWithLines } from '@tidemark/testkit';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./support/main-fixture.ts', import.meta.url));

function run(mode: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', fixture, mode],
      { env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code as number | null), stdout, stderr }),
    );
  });
}

describe('runMain', () => {
  it('prints a bad setting as the one configuration error line and exits 1', async () => {
    const { code, stdout, stderr } = await run('config');
    expect(code).toBe(1);
    expect(stderr).toBe(
      'tidemark: configuration error: LOG_LEVEL: expected one of info, debug (got "loud")\n',
    );
    expect(stdout).toContain('stop hook ran (body ended)');
  });

  it('prints any other failure as one line without its stack and exits 1', async () => {
    const { code, stderr } = await run('fatal');
    expect(code).toBe(1);
    expect(stderr).toBe('tidemark: cannot reach the store\n');
  });

  it('runs the stop hook and exits 0 once the body ends', async () => {
    const { code, stdout, stderr } = await run('finish');
    expect(code).toBe(0);
    expect(stdout).toBe('started\nstop hook ran (body ended)\n');
    expect(stderr).toBe('');
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'keeps a server running until %s, then runs the stop hook and exits 0',
    async (signal) => {
      const proc = spawnWithLines(process.execPath, ['--import', 'tsx', fixture, 'serve'], {
        env: { PATH: process.env.PATH ?? '' },
      });
      await proc.waitForLine((line) => line === 'started', 30_000);
      proc.child.kill(signal);
      expect(await proc.exited).toBe(0);
      expect(proc.lines).toEqual(['started', `stop hook ran (${signal})`]);
    },
  );
});
