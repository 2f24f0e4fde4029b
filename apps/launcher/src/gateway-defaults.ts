import type { GatewayConfig } from '@tidemark/gateway';
import type { LauncherConfig } from './launcher-config';

/** What the gateway gets from this launcher where its own variables are unset. */
export function withLauncherDefaults(
  gatewayConfig: GatewayConfig,
  env: Record<string, string | undefined>,
  config: Pick<LauncherConfig, 'webHost' | 'webPort'>,
  chains: readonly { id: number; rpcUrls: readonly string[] }[],
): GatewayConfig {
  const corsOrigins = env.GATEWAY_CORS_ORIGINS?.trim()
    ? gatewayConfig.corsOrigins
    : // The dashboard calls the API from the browser: allow wherever this launcher serves it.
      [
        ...new Set([
          ...gatewayConfig.corsOrigins,
          `http://${config.webHost}:${config.webPort}`,
          `http://localhost:${config.webPort}`,
        ]),
      ];
  const siweRpcUrls = env.GATEWAY_SIWE_RPC_URLS?.trim()
    ? gatewayConfig.identity.siweRpcUrls
    : // Smart-contract wallets sign in on the chains this launcher indexes, through their RPC.
      new Map(
        chains.flatMap((c) => (c.rpcUrls[0] === undefined ? [] : [[c.id, c.rpcUrls[0]] as const])),
      );
  return { ...gatewayConfig, corsOrigins, identity: { ...gatewayConfig.identity, siweRpcUrls } };
}
