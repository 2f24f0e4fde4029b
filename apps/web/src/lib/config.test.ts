import { describe, expect, it } from 'vitest';
import { ConfigError } from '@tidemark/runtime/config-error';
import { DEFAULT_GATEWAY_URL, parseWebConfig, toWebSocketUrl } from './config';

describe('parseWebConfig', () => {
  it('defaults to the local gateway when the variable is unset or empty', () => {
    for (const env of [{}, { TIDEMARK_GATEWAY_URL: '' }]) {
      expect(parseWebConfig(env)).toEqual({
        gatewayHttpUrl: DEFAULT_GATEWAY_URL,
        gatewayWsUrl: 'ws://127.0.0.1:4000/graphql',
        siweDomain: '127.0.0.1:4000',
      });
    }
  });

  it('derives a secure WebSocket URL from an https gateway', () => {
    const config = parseWebConfig({ TIDEMARK_GATEWAY_URL: 'https://api.example.org/graphql' });
    expect(config.gatewayWsUrl).toBe('wss://api.example.org/graphql');
  });

  it('rejects a URL that is not http(s), saying a retry will not help', () => {
    const parse = (): unknown => parseWebConfig({ TIDEMARK_GATEWAY_URL: 'ftp://host/graphql' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/TIDEMARK_GATEWAY_URL/);
    try {
      parse();
    } catch (error) {
      expect((error as ConfigError).retryable).toBe(false);
    }
  });
});

describe('the sign-in domain', () => {
  it("is the gateway's host unless TIDEMARK_SIWE_DOMAIN names one", () => {
    const gateway = { TIDEMARK_GATEWAY_URL: 'https://api.example.org/graphql' };
    expect(parseWebConfig(gateway).siweDomain).toBe('api.example.org');
    expect(
      parseWebConfig({ ...gateway, TIDEMARK_SIWE_DOMAIN: ' App.Example.org ' }).siweDomain,
    ).toBe('app.example.org');
  });

  it('refuses a value that is not a host, naming the variable', () => {
    const parse = (): unknown =>
      parseWebConfig({ TIDEMARK_SIWE_DOMAIN: 'https://app.example.org' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/TIDEMARK_SIWE_DOMAIN/);
  });
});

describe('toWebSocketUrl', () => {
  it('keeps host, port, path and query', () => {
    expect(toWebSocketUrl('http://10.0.0.5:8080/api/graphql?x=1')).toBe(
      'ws://10.0.0.5:8080/api/graphql?x=1',
    );
  });
});
