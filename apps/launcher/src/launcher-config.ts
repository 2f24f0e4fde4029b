import { parseGatewayConfig, type GatewayConfig } from '@tidemark/gateway';
import { parseChains, type ChainConfig } from '@tidemark/indexer';
import {
  parseSetting,
  parseSharedSettings,
  type Env,
  type SharedSettings,
} from '@tidemark/runtime';
import { z } from 'zod';

export interface DevnetSettings {
  chains: { id: number; name: string; port: number }[];
  blockTimeMs: number;
}

export interface LauncherConfig extends SharedSettings {
  /** Chains to index; when TIDEMARK_CHAINS is unset, the local devnets are started and indexed. */
  chains: ChainConfig[] | null;
  devnet: DevnetSettings;
  webPort: number;
  webHost: string;
  /** The gateway's own settings (GATEWAY_*), before the launcher's defaults (gateway-defaults.ts). */
  gateway: GatewayConfig;
}

const tcpPort = z
  .string()
  .trim()
  .regex(/^[0-9]+$/, 'expected a TCP port (1-65535)')
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, 'expected a TCP port (1-65535)')
      .max(65535, 'expected a TCP port (1-65535)'),
  )
  .optional();

const port = (env: Env, name: string, fallback: number): number =>
  parseSetting(env, name, tcpPort) ?? fallback;

/** Everything `npm start` needs, parsed once; throws a ConfigError naming a bad setting. */
export function parseLauncherConfig(env: Env): LauncherConfig {
  const chainsSet = env.TIDEMARK_CHAINS !== undefined && env.TIDEMARK_CHAINS.trim() !== '';
  return {
    ...parseSharedSettings(env),
    chains: chainsSet ? parseChains(env.TIDEMARK_CHAINS) : null,
    devnet: {
      chains: [
        { id: 31337, name: 'devnet-a', port: port(env, 'DEVNET_PORT_A', 8545) },
        { id: 31338, name: 'devnet-b', port: port(env, 'DEVNET_PORT_B', 8546) },
      ],
      blockTimeMs: 1000,
    },
    webPort: port(env, 'WEB_PORT', 3000),
    webHost: env.WEB_HOST?.trim() || '127.0.0.1',
    gateway: parseGatewayConfig(env),
  };
}
