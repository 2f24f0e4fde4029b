import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOlapStore, createOltpStore } from '@tidemark/db';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { openAdapters } from './open-adapters';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];
const newDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tidemark-runtime-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/**
 * PGlite refuses a data dir already open in this process, and chDB a second data dir while one is
 * open: both open again only once the earlier stores were closed.
 */
async function expectStoresClosed(dataDir: string): Promise<void> {
  const oltp = await createOltpStore({ dataDir, logger });
  await oltp.close();
  const olap = await createOlapStore({ dataDir: await newDir(), logger });
  await olap.close();
}

describe('openAdapters', () => {
  it('opens the embedded adapters by default and closes them all', async () => {
    const dataDir = await newDir();
    const adapters = await openAdapters({ dataDir }, logger, 'runtime-test');
    expect(await adapters.oltp.listChains()).toEqual([]);
    expect(await adapters.olap.countTrades()).toBe(0);
    await adapters.close();
    await expectStoresClosed(dataDir);
  });

  it('closes the stores it opened when the bus then fails to start', async () => {
    const dataDir = await newDir();
    const opening = openAdapters(
      { dataDir, kafkaBrokers: ['no-port-here'] },
      logger,
      'runtime-test',
    );
    await expect(opening).rejects.toMatchObject({ name: 'BusConfigError', retryable: false });
    await expectStoresClosed(dataDir);
  });
});
