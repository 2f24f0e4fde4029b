import { ChainReadError } from '@tidemark/domain';
import {
  createPublicClient,
  fallback,
  http,
  webSocket,
  type Hex,
  type PublicClient,
  type Transport,
} from 'viem';

/** Read-only contract calls at the latest block. */
export interface EthCaller {
  /** The return data, or null when the call reverted (or the target has no such function). */
  call(to: string, data: Hex): Promise<Hex | null>;
  /** Whether the address holds contract code. */
  hasCode(address: string): Promise<boolean>;
}

export interface EthCallerOptions {
  chainId: number;
  /** Tried in order: the next one when a request to the previous fails. */
  rpcUrls: readonly string[];
  timeoutMs: number;
}

const short = (error: unknown): string => {
  const text = (error as { shortMessage?: unknown })?.shortMessage;
  if (typeof text === 'string') return text;
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
};

/** A revert (or a call into code that does not implement the function) answers the same again. */
function isRevert(error: unknown): boolean {
  const text = error instanceof Error ? error.message : String(error);
  return /execution reverted|revert|invalid opcode|out of gas/i.test(text);
}

function transportFor(url: string, timeout: number): Transport {
  return /^wss?:/i.test(url)
    ? webSocket(url, { timeout, retryCount: 0 })
    : // Batching folds the many small metadata calls of a range into a few HTTP requests.
      http(url, { batch: { batchSize: 100, wait: 2 }, timeout, retryCount: 0 });
}

/** An EthCaller over viem, failing over across the chain's endpoints. */
export function createEthCaller(options: EthCallerOptions): EthCaller {
  const transports = options.rpcUrls.map((url) => transportFor(url, options.timeoutMs));
  const transport = transports.length === 1 ? transports[0]! : fallback(transports);
  const client: PublicClient = createPublicClient({ transport });
  const fail = (what: string, error: unknown) =>
    new ChainReadError(`chain ${options.chainId}: ${what} failed: ${short(error)}`, true, {
      cause: error,
    });
  return {
    async call(to, data) {
      try {
        const result = await client.call({ to: to as Hex, data });
        return result.data ?? '0x';
      } catch (error) {
        if (isRevert(error)) return null;
        throw fail(`eth_call to ${to}`, error);
      }
    },
    async hasCode(address) {
      try {
        const code = await client.getCode({ address: address as Hex });
        return code !== undefined && code !== '0x';
      } catch (error) {
        throw fail(`eth_getCode of ${address}`, error);
      }
    },
  };
}
