import { describe, expect, it } from 'vitest';
import { ConfigError } from '@tidemark/runtime';
import { parseGatewayConfig } from './config';

/** The error parseGatewayConfig throws for one bad setting (fails the test if it throws none). */
function rejection(name: string, value: string): ConfigError {
  try {
    parseGatewayConfig({ [name]: value });
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error(`${name}=${JSON.stringify(value)} was accepted`);
}

describe('parseGatewayConfig', () => {
  it('defaults to 127.0.0.1:4000 and the local web app origins', () => {
    expect(parseGatewayConfig({})).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      corsOrigins: ['http://127.0.0.1:3000', 'http://localhost:3000'],
      subscriberQueueLimit: 10_000,
    });
  });

  it('reads every setting', () => {
    const config = parseGatewayConfig({
      GATEWAY_HOST: '0.0.0.0',
      GATEWAY_PORT: '0',
      GATEWAY_CORS_ORIGINS: 'https://app.example.org, http://localhost:3001',
      GATEWAY_SUBSCRIBER_QUEUE_LIMIT: '50',
    });
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 0,
      corsOrigins: ['https://app.example.org', 'http://localhost:3001'],
      subscriberQueueLimit: 50,
    });
  });

  it.each([
    ['GATEWAY_PORT', 'abc'],
    ['GATEWAY_PORT', '70000'],
    ['GATEWAY_CORS_ORIGINS', 'localhost:3000'],
    ['GATEWAY_SUBSCRIBER_QUEUE_LIMIT', '0'],
  ])('rejects %s=%s with an error naming the setting', (name, value) => {
    const error = rejection(name, value);
    expect(error.setting).toBe(name);
    expect(error.message).toMatch(new RegExp(`^${name}: .*${value}`));
    expect(error.retryable).toBe(false);
  });
});

describe('GATEWAY_WS_INIT_TIMEOUT_MS', () => {
  it("defaults to graphql-ws's 3 s and reads milliseconds", () => {
    expect(parseGatewayConfig({}).wsInitTimeoutMs).toBe(3000);
    expect(parseGatewayConfig({ GATEWAY_WS_INIT_TIMEOUT_MS: '200' }).wsInitTimeoutMs).toBe(200);
  });

  it.each(['0', '-5', '1.5', 'soon', '600001'])('rejects %s naming the setting', (value) => {
    expect(() => parseGatewayConfig({ GATEWAY_WS_INIT_TIMEOUT_MS: value })).toThrow(
      new RegExp(`^GATEWAY_WS_INIT_TIMEOUT_MS: expected an integer from 10 to 600000 .*${value}`),
    );
  });
});

describe('query protection settings', () => {
  it('default to development and limits with margin over the largest real query', () => {
    const config = parseGatewayConfig({});
    expect(config.environment).toBe('development');
    expect(config.limits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxTokens: 2000,
      maxDirectives: 50,
      maxCost: 200_000,
    });
    expect(config.requestTimeoutMs).toBe(30_000);
  });

  it('read every setting', () => {
    const config = parseGatewayConfig({
      GATEWAY_ENV: ' production ',
      GATEWAY_MAX_DEPTH: '8',
      GATEWAY_MAX_ALIASES: '0',
      GATEWAY_MAX_TOKENS: '500',
      GATEWAY_MAX_DIRECTIVES: '5',
      GATEWAY_MAX_COST: '20000',
      GATEWAY_REQUEST_TIMEOUT_MS: '1500',
    });
    expect(config.environment).toBe('production');
    expect(config.limits).toEqual({
      maxDepth: 8,
      maxAliases: 0,
      maxTokens: 500,
      maxDirectives: 5,
      maxCost: 20_000,
    });
    expect(config.requestTimeoutMs).toBe(1500);
  });

  it.each([
    ['GATEWAY_ENV', 'prod', /expected development or production/],
    ['GATEWAY_MAX_DEPTH', '0', /expected an integer from 1 to 1000/],
    ['GATEWAY_MAX_ALIASES', '-1', /expected an integer from 0 to 10000/],
    ['GATEWAY_MAX_TOKENS', 'many', /expected an integer from 10 to 1000000/],
    ['GATEWAY_MAX_DIRECTIVES', '2.5', /expected an integer from 0 to 10000/],
    ['GATEWAY_MAX_COST', '100000001', /expected an integer from 1 to 100000000/],
    ['GATEWAY_REQUEST_TIMEOUT_MS', '50', /expected an integer from 100 to 3600000/],
  ])('reject %s=%s with an error naming the setting', (name, value, detail) => {
    const error = rejection(name, value);
    expect(error.setting).toBe(name);
    expect(error.message).toMatch(new RegExp(`^${name}: `));
    expect(error.message).toMatch(detail);
    expect(error.message).toContain(JSON.stringify(value));
  });
});

describe('rate limit settings', () => {
  it('default to a generous budget per client and no trusted proxy', () => {
    const config = parseGatewayConfig({});
    expect(config.rateLimit).toEqual({ costPerSecond: 20_000, burst: 200_000 });
    expect(config.trustedProxies).toBe(0);
  });

  it('read every setting; 0 per second turns the limit off', () => {
    const config = parseGatewayConfig({
      GATEWAY_RATE_LIMIT_COST_PER_SECOND: '0',
      GATEWAY_RATE_LIMIT_BURST: '500',
      GATEWAY_TRUST_PROXY: '2',
    });
    expect(config.rateLimit).toEqual({ costPerSecond: 0, burst: 500 });
    expect(config.trustedProxies).toBe(2);
  });

  it.each([
    ['true', 1],
    [' TRUE ', 1],
    ['false', 0],
    ['0', 0],
    ['', 0],
  ])('read GATEWAY_TRUST_PROXY=%j as %i hops', (value, hops) => {
    expect(parseGatewayConfig({ GATEWAY_TRUST_PROXY: value }).trustedProxies).toBe(hops);
  });

  it.each([
    ['GATEWAY_RATE_LIMIT_COST_PER_SECOND', '-1', /expected an integer from 0 to 1000000000/],
    ['GATEWAY_RATE_LIMIT_COST_PER_SECOND', '1.5', /expected an integer from 0 to 1000000000/],
    ['GATEWAY_RATE_LIMIT_BURST', '0', /expected an integer from 1 to 1000000000/],
    ['GATEWAY_TRUST_PROXY', 'yes', /expected false, true \(one proxy\) or a count of proxy hops/],
    ['GATEWAY_TRUST_PROXY', '100', /expected false, true \(one proxy\) or a count of proxy hops/],
  ])('reject %s=%s with an error naming the setting', (name, value, detail) => {
    const parse = () => parseGatewayConfig({ [name]: value });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(new RegExp(`^${name}: `));
    expect(parse).toThrow(detail);
    expect(parse).toThrow(JSON.stringify(value));
  });
});

describe('GATEWAY_DOCUMENTS', () => {
  it('defaults to any in development and trusted in production', () => {
    expect(parseGatewayConfig({}).documents).toBe('any');
    expect(parseGatewayConfig({ GATEWAY_ENV: 'production' }).documents).toBe('trusted');
  });

  it('reads either policy whatever the environment', () => {
    expect(parseGatewayConfig({ GATEWAY_DOCUMENTS: ' trusted ' }).documents).toBe('trusted');
    const env = { GATEWAY_ENV: 'production', GATEWAY_DOCUMENTS: 'any' };
    expect(parseGatewayConfig(env).documents).toBe('any');
  });

  it('rejects anything else naming the setting and the choices', () => {
    const error = rejection('GATEWAY_DOCUMENTS', 'persisted');
    expect(error.message).toBe('GATEWAY_DOCUMENTS: expected any or trusted (got "persisted")');
  });
});

describe('identity settings', () => {
  it('default to a week-long session cookie, Secure in production only, and 10-minute nonces', () => {
    expect(parseGatewayConfig({}).identity).toEqual({
      cookieName: 'tidemark_session',
      cookieSecure: false,
      sessionTtlSeconds: 604_800,
      nonceTtlSeconds: 600,
      siweDomain: undefined,
      siweChainIds: [],
      siweRpcUrls: new Map(),
    });
    expect(parseGatewayConfig({ GATEWAY_ENV: 'production' }).identity.cookieSecure).toBe(true);
  });

  it('read every setting', () => {
    const identity = parseGatewayConfig({
      GATEWAY_ENV: 'production',
      GATEWAY_SESSION_COOKIE: 'tm',
      GATEWAY_SESSION_COOKIE_SECURE: 'false',
      GATEWAY_SESSION_TTL_SECONDS: '3600',
      GATEWAY_SIWE_NONCE_TTL_SECONDS: '60',
      GATEWAY_SIWE_DOMAIN: 'App.Example.org:8443',
      GATEWAY_SIWE_CHAIN_IDS: '1, 8453',
      GATEWAY_SIWE_RPC_URLS: '1=https://rpc.example/v3/key, 31337=http://127.0.0.1:8545',
    }).identity;
    expect(identity).toEqual({
      cookieName: 'tm',
      cookieSecure: false,
      sessionTtlSeconds: 3600,
      nonceTtlSeconds: 60,
      siweDomain: 'app.example.org:8443',
      siweChainIds: [1, 8453],
      siweRpcUrls: new Map([
        [1, 'https://rpc.example/v3/key'],
        [31337, 'http://127.0.0.1:8545'],
      ]),
    });
  });

  it.each([
    ['GATEWAY_SESSION_COOKIE', 'a b', 'expected a cookie name of letters, digits, _ or -'],
    ['GATEWAY_SESSION_COOKIE_SECURE', 'yes', 'expected true or false'],
    ['GATEWAY_SESSION_TTL_SECONDS', '59', 'expected a number of seconds from 60 to 31536000'],
    ['GATEWAY_SIWE_NONCE_TTL_SECONDS', 'ten', 'expected a number of seconds from 10 to 86400'],
    ['GATEWAY_SIWE_DOMAIN', 'https://app.example', 'expected a host name with an optional port'],
    ['GATEWAY_SIWE_CHAIN_IDS', '1,x', 'expected comma-separated chain ids'],
  ])('reject %s=%s naming the setting', (name, value, detail) => {
    const error = rejection(name, value);
    expect(error.message).toBe(`${name}: ${detail} (got ${JSON.stringify(value)})`);
  });

  it.each([
    ['1:https://secret.test', 'entry 1: expected <chain id>=<http(s) URL>'],
    ['1=https://secret.test,x=https://secret.test/key', 'entry 2: the chain id is not a positive'],
    ['1=ws://secret.test/key', 'entry 1 (chain 1): the URL is not an http(s) URL'],
    ['1=https://secret.test,1=https://secret.test', 'entry 2: chain 1 is listed twice'],
  ])('reject GATEWAY_SIWE_RPC_URLS=%s naming the entry, never echoing a URL', (value, detail) => {
    const error = rejection('GATEWAY_SIWE_RPC_URLS', value);
    expect(error.message.startsWith(`GATEWAY_SIWE_RPC_URLS: ${detail}`)).toBe(true);
    expect(error.message.endsWith('(got value not shown)')).toBe(true);
    expect(error.message).not.toContain('secret');
  });
});
