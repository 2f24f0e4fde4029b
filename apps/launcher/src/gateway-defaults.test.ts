import { parseGatewayConfig } from '@tidemark/gateway';
import { describe, expect, it } from 'vitest';
import { withLauncherDefaults } from './gateway-defaults';

const web = { webHost: '127.0.0.1', webPort: 3100 };
const chains = [
  { id: 31337, rpcUrls: ['http://127.0.0.1:8545'] },
  { id: 31338, rpcUrls: ['http://127.0.0.1:8546', 'http://127.0.0.1:9546'] },
];

describe('withLauncherDefaults', () => {
  it('allows the served dashboard and verifies contract wallets on the indexed chains', () => {
    const config = withLauncherDefaults(parseGatewayConfig({}), {}, web, chains);
    expect(config.corsOrigins).toEqual(
      expect.arrayContaining(['http://127.0.0.1:3100', 'http://localhost:3100']),
    );
    expect([...config.identity.siweRpcUrls]).toEqual([
      [31337, 'http://127.0.0.1:8545'],
      [31338, 'http://127.0.0.1:8546'],
    ]);
  });

  it("keeps the gateway's own variables when they are set", () => {
    const env = {
      GATEWAY_CORS_ORIGINS: 'https://app.example.org',
      GATEWAY_SIWE_RPC_URLS: '1=https://rpc.example.org',
    };
    const config = withLauncherDefaults(parseGatewayConfig(env), env, web, chains);
    expect(config.corsOrigins).toEqual(['https://app.example.org']);
    expect([...config.identity.siweRpcUrls]).toEqual([[1, 'https://rpc.example.org']]);
  });
});
