import { parseWebConfig, type WebConfig } from './config';

let cached: WebConfig | undefined;

/**
 * The web app's configuration, parsed from the environment once per server process. Called from
 * a dynamically rendered server component, so it reads the variables of the running server, never
 * values frozen at build time.
 */
export function getWebConfig(): WebConfig {
  cached ??= parseWebConfig(process.env);
  return cached;
}
