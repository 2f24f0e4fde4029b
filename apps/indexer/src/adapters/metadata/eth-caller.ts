import type { Hex } from 'viem';
import type { EndpointPool } from '../chain/endpoints/endpoint-pool';
import { redactUrl, type RpcEndpoint } from '../chain/endpoints/rpc-endpoint';
import { RpcFailure } from '../chain/endpoints/rpc-errors';

/** Read-only contract calls, at the latest block unless one is given. */
export interface EthCaller {
  /** The return data, or null when the call reverted (or the target has no such function). */
  call(to: string, data: Hex, block?: number): Promise<Hex | null>;
  /** Whether the address holds contract code. */
  hasCode(address: string): Promise<boolean>;
}

const HEX = /^0x[0-9a-fA-F]*$/;

/**
 * A call that failed in the EVM answers the same again, on any endpoint: a revert (also a call
 * into code without such a function), or a node's "invalid opcode" / "out of gas".
 */
function failedInEvm(error: unknown): boolean {
  if (!(error instanceof RpcFailure)) return false;
  // A JSON-RPC error answer, not a transport failure whose text happens to match.
  const answered = error.kind === 'rejected' || error.kind === 'server';
  return answered && /revert|invalid opcode|out of gas/i.test(error.message);
}

async function hexAnswer(endpoint: RpcEndpoint, method: string, params: unknown[]): Promise<Hex> {
  const result = await endpoint.request(method, params);
  if (typeof result !== 'string' || !HEX.test(result))
    throw new RpcFailure(`${redactUrl(endpoint.url)}: ${method}: malformed answer`, 'malformed');
  return result as Hex;
}

/**
 * Contract reads through a chain's endpoint pool, so they get what every other read of the chain
 * gets: only endpoints that serve the configured chain id, failover, timeouts and rate limits.
 * Calls made together travel as JSON-RPC batches.
 */
export function createEthCaller(pool: EndpointPool): EthCaller {
  return {
    call: (to, data, block) =>
      pool.call(`eth_call to ${to}`, async (endpoint) => {
        const tag = block === undefined ? 'latest' : `0x${block.toString(16)}`;
        try {
          return await hexAnswer(endpoint, 'eth_call', [{ to, data }, tag]);
        } catch (error) {
          if (failedInEvm(error)) return null;
          throw error;
        }
      }),
    hasCode: (address) =>
      pool.call(`eth_getCode of ${address}`, async (endpoint) => {
        const code = await hexAnswer(endpoint, 'eth_getCode', [address, 'latest']);
        return code !== '0x';
      }),
  };
}
