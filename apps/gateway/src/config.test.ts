import { describe, expect, it } from 'vitest';
import { GatewayConfigError, parseGatewayConfig } from './config';

describe('query protection settings', () => {
  it('default to development and limits with margin over the largest real query', () => {
    const config = parseGatewayConfig({});
    expect(config.environment).toBe('development');
    expect(config.limits).toEqual({
      maxDepth: 12,
      maxAliases: 30,
      maxTokens: 2000,
      maxDirectives: 50,
      maxCost: 100_000,
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
    let error: unknown;
    try {
      parseGatewayConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GatewayConfigError);
    expect((error as GatewayConfigError).setting).toBe(name);
    expect((error as Error).message).toMatch(new RegExp(`^${name}: `));
    expect((error as Error).message).toMatch(detail);
    expect((error as Error).message).toContain(JSON.stringify(value));
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
    expect(parse).toThrow(GatewayConfigError);
    expect(parse).toThrow(new RegExp(`^${name}: `));
    expect(parse).toThrow(detail);
    expect(parse).toThrow(JSON.stringify(value));
  });
});
