import { describe, expect, it } from 'vitest';
import { ConfigError } from '@tidemark/runtime';
import { parseIndexerConfig } from './indexer-config';

const chains = JSON.stringify([{ id: 1, name: 'ethereum', rpcUrl: 'http://127.0.0.1:8545' }]);

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseIndexerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseIndexerConfig', () => {
  it('defaults to embedded stores, every role and average cost', () => {
    const config = parseIndexerConfig({ TIDEMARK_CHAINS: chains });
    expect(config).toMatchObject({
      dataDir: './.tidemark',
      databaseUrl: undefined,
      clickhouseUrl: undefined,
      kafkaBrokers: undefined,
      roles: ['ingest', 'sink', 'analytics'],
      costMethod: 'average',
    });
    expect(config.chains[0]).toMatchObject({ id: 1, startBlock: 0, maxBlockRange: 2000 });
  });

  it('reads the PnL method and refuses an unknown one, naming the setting', () => {
    expect(
      parseIndexerConfig({ TIDEMARK_CHAINS: chains, TIDEMARK_PNL_METHOD: 'fifo' }).costMethod,
    ).toBe('fifo');
    expect(() =>
      parseIndexerConfig({ TIDEMARK_CHAINS: chains, TIDEMARK_PNL_METHOD: 'lifo' }),
    ).toThrow(/TIDEMARK_PNL_METHOD: expected "average" or "fifo"/);
  });

  it('reads server-mode settings', () => {
    const config = parseIndexerConfig({
      TIDEMARK_CHAINS: chains,
      DATABASE_URL: 'postgres://u:p@db:5432/tidemark',
      CLICKHOUSE_URL: 'http://ch:8123',
      KAFKA_BROKERS: 'k1:9092, k2:9092',
      TIDEMARK_ROLES: 'sink',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/tidemark',
      clickhouseUrl: 'http://ch:8123',
      kafkaBrokers: ['k1:9092', 'k2:9092'],
      roles: ['sink'],
    });
  });

  it('accepts several RPC URLs, with rpcUrl as a one-URL shorthand, and RPC client defaults', () => {
    const one = parseIndexerConfig({ TIDEMARK_CHAINS: chains }).chains[0];
    expect(one).toMatchObject({
      rpcUrls: ['http://127.0.0.1:8545'],
      maxConcurrency: 4,
      requestTimeoutMs: 10_000,
    });
    expect(one).not.toHaveProperty('rpcUrl');
    const many = parseIndexerConfig({
      TIDEMARK_CHAINS: JSON.stringify([
        {
          id: 1,
          name: 'ethereum',
          rpcUrls: ['https://a.example/key', 'wss://b.example'],
          rpcUrl: 'https://c.example',
          wsUrl: 'wss://a.example/ws',
          maxConcurrency: 16,
          requestTimeoutMs: 2_000,
        },
      ]),
    }).chains[0];
    expect(many).toMatchObject({
      rpcUrls: ['https://a.example/key', 'wss://b.example', 'https://c.example'],
      wsUrl: 'wss://a.example/ws',
      maxConcurrency: 16,
      requestTimeoutMs: 2_000,
    });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ CLICKHOUSE_URL: 'ftp://x' }, 'CLICKHOUSE_URL'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS'],
    [{ TIDEMARK_ROLES: 'ingest,mine' }, 'TIDEMARK_ROLES'],
    [{ TIDEMARK_CHAINS: '[{"id":1}' }, 'TIDEMARK_CHAINS'],
    [{ TIDEMARK_CHAINS: '[{"id":1,"name":"x","rpcUrl":"nope"}]' }, 'TIDEMARK_CHAINS'],
    [{ TIDEMARK_CHAINS: '' }, 'TIDEMARK_CHAINS'],
    [{ TIDEMARK_CHAINS: '[{"id":1,"name":"x"}]' }, 'TIDEMARK_CHAINS'],
    [{ TIDEMARK_CHAINS: '[{"id":1,"name":"x","rpcUrls":[]}]' }, 'TIDEMARK_CHAINS'],
    [{ TIDEMARK_CHAINS: '[{"id":1,"name":"x","rpcUrls":["ftp://x"]}]' }, 'TIDEMARK_CHAINS'],
    [
      { TIDEMARK_CHAINS: '[{"id":1,"name":"x","rpcUrl":"http://a","wsUrl":"http://a"}]' },
      'TIDEMARK_CHAINS',
    ],
    [
      { TIDEMARK_CHAINS: '[{"id":1,"name":"x","rpcUrl":"http://a","maxConcurrency":0}]' },
      'TIDEMARK_CHAINS',
    ],
  ])('names the bad setting in one line: %j', (override, setting) => {
    const error = errorOf({ TIDEMARK_CHAINS: chains, ...override });
    expect(error.setting).toBe(setting);
    expect(error.message.startsWith(`${setting}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
    expect(error.retryable).toBe(false);
  });
});
