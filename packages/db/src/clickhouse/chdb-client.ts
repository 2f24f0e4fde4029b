import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { drainPending } from 'chdb';
import { createChdbConnection } from 'chdb/connection';
import { StoreConfigError, describeCause } from '../errors';

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
  released = (async () => {
    await engine.client.close();
    // close() returns before the engine lets go of the dir; the next dir must wait for that.
    await drainPending();
  })();
  await released;
}

type ClientConnection = NonNullable<Parameters<typeof createClient>[0]>['connection'];

function openConnection(path: string): ClientConnection {
  try {
    // chdb types its connection against @clickhouse/client-common, which @clickhouse/client bundles
    // its own copy of; the shapes match but TypeScript sees two distinct declarations.
    return createChdbConnection({ path }) as unknown as ClientConnection;
  } catch (error) {
    throw new StoreConfigError(`cannot open chDB data dir ${path} (TIDEMARK_DATA_DIR): ${describeCause(error)}`, {
      cause: error,
    });
  }
}

/**
 * Borrows the process's chDB engine bound to `path` (absolute), opening it and running `prepare`
 * (migrations) on first use.
 */
export async function acquireChdb(path: string, prepare: (client: ClickHouseClient) => Promise<void>): Promise<ChdbLease> {
  await released;
  if (live && live.path !== path) {
    throw new StoreConfigError(
      `chDB can open one data dir per process: ${live.path} is open, so ${path} cannot be; close the other store first`,
    );
  }
  if (!live) {
    const client = createClient({ connection: openConnection(path) });
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
