import { parseSharedSettings, type Env, type SharedSettings } from '@tidemark/runtime';
import { parseGatewayConfig, type GatewayConfig } from './config';

/** Everything the standalone gateway process reads from its environment. */
export interface ServerEnv extends SharedSettings {
  gateway: GatewayConfig;
}

/**
 * Parses the process environment once: the settings every process shares, then the gateway's.
 * Throws a ConfigError naming the bad setting.
 */
export function parseServerEnv(env: Env): ServerEnv {
  return { gateway: parseGatewayConfig(env), ...parseSharedSettings(env) };
}
