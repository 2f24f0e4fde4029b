import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';

/** Somewhere a store keeps its data; every `open()` reaches the same data. */
export interface StoreLocation<Store> {
  open(): Promise<Store>;
}

/** Stores opened in a test are closed after it, even when it fails. */
export function closeAfterEach<Store extends { close(): Promise<void> }>(): (
  store: Store,
) => Store {
  const opened: Store[] = [];
  afterEach(async () => {
    // In opening order: closing is idempotent, and chDB must release its dir before the next test.
    for (const store of opened.splice(0)) await store.close();
  });
  return (store) => {
    opened.push(store);
    return store;
  };
}

/** Fresh temp dirs, removed after the file's tests. */
export function tempDirs(): () => Promise<string> {
  const created: string[] = [];
  afterAll(async () => {
    await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidemark-db-'));
    created.push(dir);
    return dir;
  };
}
