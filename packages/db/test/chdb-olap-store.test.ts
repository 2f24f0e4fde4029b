import { describe, expect, it } from 'vitest';
import { StoreConfigError, createOlapStore } from '../src/index';
import { describeOlapStoreContract } from './olap-store.contract';
import { trade } from './fixtures';
import { closeAfterEach, tempDirs } from './store-location';

const newDir = tempDirs();

describeOlapStoreContract('chDB', async () => {
  const dataDir = await newDir();
  return { open: () => createOlapStore({ dataDir }) };
});

describe('chDB data dir', () => {
  const track = closeAfterEach<Awaited<ReturnType<typeof createOlapStore>>>();

  it('shares one engine per dir and refuses a second dir while the first is open', async () => {
    const dataDir = await newDir();
    const first = track(await createOlapStore({ dataDir }));
    const second = track(await createOlapStore({ dataDir }));
    await first.insertTrades([
      trade({ chainId: 1, blockNumber: 1, logIndex: 0, timestamp: 1_700_000_000 }),
    ]);
    expect(await second.countTrades()).toBe(1);

    const otherDir = await newDir();
    const refused: unknown = await createOlapStore({ dataDir: otherDir }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreConfigError);
    expect((refused as Error).message).toContain('one data dir per process');

    await first.close();
    expect(await second.countTrades()).toBe(1); // the engine stays open for its last user
    await second.close();
    const other = track(await createOlapStore({ dataDir: otherDir }));
    expect(await other.countTrades()).toBe(0);
  });
});
