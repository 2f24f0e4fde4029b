import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreConfigError, createOltpStore } from '../src/index';
import { describeIdentityStoreContract } from './identity-store.contract';
import { describeOltpStoreContract } from './oltp-store.contract';
import { tempDirs } from './store-location';

const newDir = tempDirs();

// Every test starts from an empty data dir, so every test also covers the first-open migration.
describeOltpStoreContract('PGlite', async () => {
  const dataDir = await newDir();
  return { open: () => createOltpStore({ dataDir }) };
});

describeIdentityStoreContract('PGlite', async () => createOltpStore({ dataDir: await newDir() }));

describe('a PGlite data dir written by another PostgreSQL major', () => {
  it('is refused with what to do, and left untouched', async () => {
    const dataDir = await newDir();
    const pgliteDir = join(dataDir, 'pglite');
    await mkdir(join(pgliteDir, 'base'), { recursive: true });
    await writeFile(join(pgliteDir, 'PG_VERSION'), '17\n');
    await writeFile(join(pgliteDir, 'base', 'marker'), 'old data');

    const opening = createOltpStore({ dataDir });
    await expect(opening).rejects.toBeInstanceOf(StoreConfigError);
    await expect(opening).rejects.toThrow(/holds PostgreSQL 17 data/);
    await expect(opening).rejects.toThrow(/Move it away/);

    expect((await readdir(pgliteDir, { recursive: true })).sort()).toEqual(
      ['PG_VERSION', 'base', join('base', 'marker')].sort(),
    );
    expect(await readFile(join(pgliteDir, 'PG_VERSION'), 'utf8')).toBe('17\n');
    expect(await readFile(join(pgliteDir, 'base', 'marker'), 'utf8')).toBe('old data');
  });
});
