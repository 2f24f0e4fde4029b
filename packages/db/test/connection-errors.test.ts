import { describe, expect, it } from 'vitest';
import { freePort } from '@tidemark/testkit';
import {
  StoreConfigError,
  StoreUnavailableError,
  createOlapStore,
  createOltpStore,
} from '../src/index';
import { tempDirs } from './store-location';

const newDir = tempDirs();

async function failure(opening: Promise<unknown>): Promise<Error & { retryable?: unknown }> {
  const error: unknown = await opening.then(
    () => new Error('expected the store to refuse to open'),
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error(`expected an Error, got ${String(error)}`);
  return error;
}

describe('opening a store with a bad URL', () => {
  it.each(['not a url', 'mysql://user:pw@127.0.0.1:3306/db', 'postgres://'])(
    'rejects DATABASE_URL %j as configuration, without retry',
    async (databaseUrl) => {
      const error = await failure(createOltpStore({ databaseUrl, dataDir: await newDir() }));
      expect(error).toBeInstanceOf(StoreConfigError);
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/^DATABASE_URL /);
      expect(error.message).not.toContain('\n');
    },
  );

  it('reports an unreachable PostgreSQL server in one retryable line, without the password', async () => {
    const port = await freePort(); // nothing listens there
    const databaseUrl = `postgres://tidemark:s3cret-pw@127.0.0.1:${port}/tidemark`;
    const error = await failure(createOltpStore({ databaseUrl, dataDir: await newDir() }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe(
      `DATABASE_URL: cannot connect to PostgreSQL at 127.0.0.1:${port}/tidemark (connect ECONNREFUSED 127.0.0.1:${port})`,
    );
    expect(error.message).not.toContain('s3cret-pw');
  });

  it.each(['::not-a-url', 'tcp://127.0.0.1:9000'])(
    'rejects CLICKHOUSE_URL %j as configuration',
    async (clickhouseUrl) => {
      const error = await failure(createOlapStore({ clickhouseUrl, dataDir: await newDir() }));
      expect(error).toBeInstanceOf(StoreConfigError);
      expect(error.message).toMatch(/^CLICKHOUSE_URL /);
    },
  );

  it('reports an unreachable ClickHouse server in one retryable line, without the password', async () => {
    const port = await freePort();
    const clickhouseUrl = `http://default:s3cret-pw@127.0.0.1:${port}/tidemark`;
    const error = await failure(createOlapStore({ clickhouseUrl, dataDir: await newDir() }));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(
      new RegExp(
        `^CLICKHOUSE_URL: cannot reach ClickHouse at 127\\.0\\.0\\.1:${port}/tidemark \\(.*ECONNREFUSED.*\\)$`,
      ),
    );
    expect(error.message).not.toContain('s3cret-pw');
  });
});
