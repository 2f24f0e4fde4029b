import { startPostgres, type PostgresServer } from '@tidemark/testkit';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createOltpStore } from '../src/index';
import { describeIdentityStoreContract } from './identity-store.contract';
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

// A fresh database per test on the shared server, so each test starts empty.
describeIdentityStoreContract('PostgreSQL server', async () => {
  databases += 1;
  const name = `identity_${databases}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const databaseUrl = server.url.replace(/\/postgres$/, `/${name}`);
  return createOltpStore({ databaseUrl, dataDir: await newDir() });
});
