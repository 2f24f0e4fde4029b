import { ConfigError, parseChains, parseStoreConfig, type StoreConfig } from '@tidemark/indexer';
import type { ChainConfig } from '@tidemark/indexer';
import { z } from 'zod';

export interface DevnetSettings {
  chains: { id: number; name: string; port: number }[];
  blockTimeMs: number;
}

export interface LauncherConfig extends StoreConfig {
  /** Chains to index; when TIDEMARK_CHAINS is unset, the local devnets are started and indexed. */
  chains: ChainConfig[] | null;
  devnet: DevnetSettings;
  webPort: number;
  webHost: string;
  logLevel: string;
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const result = z.coerce.number().int().min(1).max(65535).safeParse(raw);
  if (!result.success) throw new ConfigError(name, `expected a TCP port (1-65535), got "${raw}"`);
  return result.data;
}

/** Everything `npm start` needs, parsed once. */
export function parseLauncherConfig(env: Env): LauncherConfig {
  const chainsSet = env.TIDEMARK_CHAINS !== undefined && env.TIDEMARK_CHAINS.trim() !== '';
  return {
    ...parseStoreConfig(env),
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
    logLevel: env.LOG_LEVEL?.trim() || 'info',
  };
}
