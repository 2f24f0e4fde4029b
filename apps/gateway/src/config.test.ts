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
