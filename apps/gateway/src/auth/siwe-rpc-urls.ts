import { z } from 'zod';
import { commaItems } from '../env-values';

/** How GATEWAY_SIWE_RPC_URLS entries look, for error messages. */
const entryShape = 'expected <chain id>=<http(s) URL>, e.g. 1=https://rpc.example';

/**
 * Reads `1=https://…,31337=http://127.0.0.1:8545` (entries already split and trimmed) into one
 * RPC URL per chain id. Errors name the entry and chain id, never the URL: RPC URLs often carry
 * an API key.
 */
export function parseSiweRpcUrls(entries: readonly string[]): Map<number, string> | string {
  const urls = new Map<number, string>();
  for (const [index, entry] of entries.entries()) {
    const at = `entry ${index + 1}`;
    const separator = entry.indexOf('=');
    if (separator < 0) return `${at}: ${entryShape}`;
    const id = entry.slice(0, separator).trim();
    const url = entry.slice(separator + 1).trim();
    if (!/^[1-9][0-9]{0,15}$/.test(id))
      return `${at}: the chain id is not a positive integer; ${entryShape}`;
    const chainId = Number(id);
    if (!isHttpUrl(url))
      return `${at} (chain ${chainId}): the URL is not an http(s) URL; ${entryShape}`;
    if (urls.has(chainId)) return `${at}: chain ${chainId} is listed twice`;
    urls.set(chainId, url);
  }
  return urls;
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, hostname } = new URL(value);
  return (protocol === 'http:' || protocol === 'https:') && hostname !== '';
}

/** The zod setting: comma-separated entries, parsed by parseSiweRpcUrls; unset is no chain. */
export const siweRpcUrlsSetting = z
  .string()
  .transform((value, context) => {
    const parsed = parseSiweRpcUrls(commaItems(value));
    if (typeof parsed !== 'string') return parsed;
    context.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  })
  .default(() => new Map<number, string>());
