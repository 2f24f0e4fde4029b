import type { RpcEndpoint } from './rpc-endpoint';
import { RpcFailure } from './rpc-errors';
import { RpcQuantity } from './rpc-shapes';

/** The chain id an endpoint serves, by its answer to eth_chainId. */
export async function askChainId(endpoint: RpcEndpoint, where: string): Promise<number> {
  const raw = await endpoint.request('eth_chainId', []);
  const parsed = RpcQuantity.safeParse(raw);
  if (!parsed.success) throw new RpcFailure(`${where}: eth_chainId: malformed answer`, 'malformed');
  return parsed.data;
}

/**
 * Endpoints found serving another chain than `chainId`, as one failure no retry can fix:
 * "RPC http://host serves chain 5, configured chain 1".
 */
export function wrongChainFailure(
  endpoints: readonly { where: string; servesChain: number | undefined }[],
  chainId: number,
): RpcFailure {
  const served = endpoints
    .map((e) => `RPC ${e.where} serves chain ${e.servesChain ?? 'unknown'}`)
    .join(', ');
  return new RpcFailure(`${served}, configured chain ${chainId}`, 'wrong-chain');
}
