import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { drainPending } from 'chdb';
import { createChdbConnection } from 'chdb/connection';
import type { StoreLogger } from '../config';
import { StoreConfigError, describeCause } from '../errors';
import { clientLogOptions } from './client-logger';

// libchdb binds one data dir per process. Every store on that dir shares one client; a store on
// another dir is refused until the last user of the first one has closed it.
interface LiveEngine {
  path: string;
  client: ClickHouseClient;
  users: number;
  ready: Promise<void>;
}

let live: LiveEngine | undefined;
let released: Promise<void> = Promise.resolve();

export interface ChdbLease {
  client: ClickHouseClient;
  release(): Promise<void>;
}

async function release(engine: LiveEngine): Promise<void> {
  engine.users -= 1;
  if (engine.users > 0) return;
  live = undefined;
  const closing = (async () => {
    await engine.client.close();
    // close() returns before the engine lets go of the dir; the next dir must wait for that.
    await drainPending();
  })();
  // A failed close is the closer's error; later openers only need to know it is over.
  released = closing.catch(() => undefined);
  await closing;
}

type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection'];

function openConnection(path: string): ClientConnection {
  try {
    // chdb types its connection against @clickhouse/client-common, which @clickhouse/client bundles
    // its own copy of; the shapes match but TypeScript sees two distinct declarations.
    return createChdbConnection({ path }) as unknown as ClientConnection;
  } catch (error) {
    throw new StoreConfigError(
      `cannot open chDB data dir ${path} (TIDEMARK_DATA_DIR): ${describeCause(error)}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Borrows the process's chDB engine bound to `path` (absolute), opening it and running `prepare`
 * (migrations) on first use. The first opener's logger serves the shared client.
 */
export async function acquireChdb(
  path: string,
  logger: StoreLogger,
  prepare: (client: ClickHouseClient) => Promise<void>,
): Promise<ChdbLease> {
  // Wait until no engine is shutting down, including one that began while we waited.
  for (let pending = released; ; pending = released) {
    await pending;
    if (pending === released) break;
  }
  if (live && live.path !== path) {
    throw new StoreConfigError(
      `chDB can open one data dir per process: ${live.path} is open, so ${path} cannot be; close the other store first`,
    );
  }
  if (!live) {
    const client = createClient({
      connection: openConnection(path),
      log: clientLogOptions(logger),
    });
    live = { path, client, users: 0, ready: prepare(client) };
  }
  const engine = live;
  engine.users += 1;
  let returned = false;
  const lease = {
    client: engine.client,
    release: async () => {
      if (returned) return;
      returned = true;
      await release(engine);
    },
  };
  try {
    await engine.ready;
  } catch (error) {
    await lease.release();
    throw error;
  }
  return lease;
}
