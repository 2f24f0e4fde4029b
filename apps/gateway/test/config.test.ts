import { describe, expect, it } from 'vitest';
import { GatewayConfigError, parseGatewayConfig } from '../src/index';

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
    let error: unknown;
    try {
      parseGatewayConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(GatewayConfigError);
    expect((error as GatewayConfigError).setting).toBe(name);
    expect((error as Error).message).toMatch(new RegExp(`^${name}: .*${value}`));
    expect((error as GatewayConfigError).retryable).toBe(false);
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
