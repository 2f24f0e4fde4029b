import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { parseSharedSettings } from './shared-settings';

function refusal(env: Record<string, string>): ConfigError {
  try {
    parseSharedSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

describe('parseSharedSettings', () => {
  it('defaults to embedded adapters in ./.tidemark and info logs; blank counts as unset', () => {
    const defaults = {
      dataDir: './.tidemark',
      databaseUrl: undefined,
      clickhouseUrl: undefined,
      kafkaBrokers: undefined,
      logLevel: 'info',
    };
    expect(parseSharedSettings({})).toEqual(defaults);
    const blank = { DATABASE_URL: ' ', CLICKHOUSE_URL: '', KAFKA_BROKERS: ' ', LOG_LEVEL: ' ' };
    expect(parseSharedSettings(blank)).toEqual(defaults);
    expect(parseSharedSettings({}, { logLevel: 'warn' }).logLevel).toBe('warn');
  });

  it('reads every setting', () => {
    expect(
      parseSharedSettings({
        TIDEMARK_DATA_DIR: ' /var/lib/tidemark ',
        DATABASE_URL: 'postgres://u:p@db:5432/tidemark',
        CLICKHOUSE_URL: 'http://ch:8123',
        KAFKA_BROKERS: 'k1:9092, k2:9092',
        LOG_LEVEL: 'debug',
      }),
    ).toEqual({
      dataDir: '/var/lib/tidemark',
      databaseUrl: 'postgres://u:p@db:5432/tidemark',
      clickhouseUrl: 'http://ch:8123',
      kafkaBrokers: ['k1:9092', 'k2:9092'],
      logLevel: 'debug',
    });
    const socket = 'postgresql:///tidemark?host=/var/run/postgresql';
    expect(parseSharedSettings({ DATABASE_URL: socket }).databaseUrl).toBe(socket);
  });

  it.each([
    ['KAFKA_BROKERS', 'no-port', 'expected host:port'],
    ['KAFKA_BROKERS', 'k1:9092,', 'expected host:port'],
    ['KAFKA_BROKERS', 'k1:9092/x', 'expected host:port'],
    ['LOG_LEVEL', 'loud', 'expected one of fatal, error, warn, info, debug, trace, silent'],
  ])('refuses %s=%s naming the setting and the value', (setting, value, detail) => {
    const error = refusal({ [setting]: value });
    expect(error.setting).toBe(setting);
    expect(error.message).toBe(`${setting}: ${detail} (got ${JSON.stringify(value)})`);
    expect(error.retryable).toBe(false);
  });

  it.each([
    ['DATABASE_URL', 'mysql://u:secret@x/db', 'expected postgres://user:pass@host:port/db'],
    ['DATABASE_URL', 'postgres//secret', 'expected postgres://user:pass@host:port/db'],
    ['DATABASE_URL', 'postgres://', 'expected postgres://user:pass@host:port/db'],
    ['CLICKHOUSE_URL', 'ftp://u:secret@x', 'expected http(s)://host:8123'],
  ])(
    'refuses %s=%s without repeating the value (it may hold a password)',
    (setting, value, detail) => {
      const error = refusal({ [setting]: value });
      expect(error.message).toBe(`${setting}: ${detail} (got value not shown)`);
      expect(error.message).not.toContain('secret');
    },
  );
});
