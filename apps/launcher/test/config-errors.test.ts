import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnWithLines } from '@tidemark/testkit';
import { afterAll, describe, expect, it } from 'vitest';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function startWith(env: Record<string, string>) {
  const proc = spawnWithLines(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: appDir,
    env: { ...process.env, TIDEMARK_DATA_DIR: dataDir, ...env },
  });
  const code = await proc.exited;
  const errors = proc.lines.filter((l) => l.startsWith('tidemark:'));
  return { code, errors, lines: proc.lines };
}

describe('a bad configuration value stops start-up with one line naming the setting', () => {
  it.each([
    ['a malformed DATABASE_URL', { DATABASE_URL: 'postgres//nohost' }, 'DATABASE_URL'],
    [
      'an unreachable DATABASE_URL',
      { DATABASE_URL: 'postgres://tidemark:secret@127.0.0.1:1/tidemark' },
      'DATABASE_URL',
    ],
    [
      'an unreachable RPC URL',
      { TIDEMARK_CHAINS: '[{"id":1,"name":"ethereum","rpcUrl":"http://127.0.0.1:1"}]' },
      'TIDEMARK_CHAINS',
    ],
    ['a bad port', { WEB_PORT: 'eighty' }, 'WEB_PORT'],
  ])(
    '%s',
    async (_name, env, setting) => {
      const { code, errors, lines } = await startWith(env);
      expect(code).toBe(1);
      expect(errors, lines.join('\n')).toHaveLength(1);
      expect(errors[0]).toContain(setting);
      expect(lines.some((l) => /^\s+at /.test(l))).toBe(false); // no stack trace
    },
    60_000,
  );
});
