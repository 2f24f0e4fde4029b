import { startPostgres, type PostgresServer } from '@tidemark/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError, createOltpStore } from '../src/index';
import { describeIdentityStoreContract } from './identity-store.contract';
import { describeOltpStoreContract } from './oltp-store.contract';
import { tempDirs } from './store-location';

let server: PostgresServer;
let admin: pg.Client;
let databases = 0;
const newDir = tempDirs();

beforeAll(async () => {
  server = await startPostgres();
  admin = new pg.Client(server.url);
  await admin.connect();
});

afterAll(async () => {
  await admin?.end();
  await server?.stop();
});

/** A fresh database on the shared server, so each test starts empty. */
async function newDatabaseUrl(): Promise<string> {
  databases += 1;
  const name = `contract_${databases}`;
  await admin.query(`CREATE DATABASE ${name}`);
  return server.url.replace(/\/postgres$/, `/${name}`);
}

describeOltpStoreContract('PostgreSQL server', async () => {
  const databaseUrl = await newDatabaseUrl();
  const dataDir = await newDir();
  return { open: () => createOltpStore({ databaseUrl, dataDir }) };
});

// The identity tables live in the same database, next to the OLTP store's own.
describeIdentityStoreContract('PostgreSQL server', async () =>
  createOltpStore({ databaseUrl: await newDatabaseUrl(), dataDir: await newDir() }),
);

describe('PostgreSQL server specifics', () => {
  it('migrates once when replicas open the same database together', async () => {
    const databaseUrl = await newDatabaseUrl();
    const dataDir = await newDir();
    const stores = await Promise.all(
      [1, 2, 3].map(() => createOltpStore({ databaseUrl, dataDir })),
    );
    await stores[0]?.upsertChain({ chainId: 1, name: 'ethereum' });
    expect(await stores[2]?.listChains()).toEqual([
      { chainId: 1, name: 'ethereum', headBlock: null, indexedBlock: null, finalizedBlock: null },
    ]);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('names DATABASE_URL and says retrying cannot help when the database does not exist', async () => {
    const databaseUrl = server.url.replace(/\/postgres$/, '/no_such_database');
    const error: unknown = await createOltpStore({ databaseUrl, dataDir: await newDir() }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as StoreUnavailableError).retryable).toBe(false);
    expect((error as Error).message).toMatch(
      /^DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:\d+\/no_such_database \(.*no_such_database.*\)$/,
    );
  });
});
