import { createPublicClient, webSocket, type PublicClient, type WebSocketTransport } from 'viem';
import { redactUrl, type EndpointOptions, type RpcEndpoint } from './rpc-endpoint';
import { classifyRpcError, RpcFailure } from './rpc-errors';
import { createLimiter } from './limiter';

/** A viem client on a WebSocket, without viem's own retries: the endpoint pool decides those. */
export type WsClient = PublicClient<WebSocketTransport>;

export function createWsClient(url: string, timeoutMs: number): WsClient {
  return createPublicClient({ transport: webSocket(url, { timeout: timeoutMs, retryCount: 0 }) });
}

/** viem's errors into ours: JSON-RPC errors keep their code, the rest are transport faults. */
function toRpcFailure(where: string, what: string, error: unknown): RpcFailure {
  const e = error as { code?: unknown; details?: unknown; shortMessage?: unknown; name?: unknown };
  const text =
    typeof e.details === 'string' && e.details !== ''
      ? e.details
      : typeof e.shortMessage === 'string'
        ? e.shortMessage
        : String(error);
  if (typeof e.code === 'number') {
    return new RpcFailure(`${where}: ${what}: ${text}`, classifyRpcError(e.code, text), {
      cause: error,
    });
  }
  const timedOut = typeof e.name === 'string' && e.name.includes('Timeout');
  return new RpcFailure(`${where}: ${what}: ${text}`, timedOut ? 'timeout' : 'network', {
    cause: error,
  });
}

/** JSON-RPC over a WebSocket (an `rpcUrls` entry that is ws(s)). */
export function createWsEndpoint(options: EndpointOptions): RpcEndpoint {
  const where = redactUrl(options.url);
  const client = createWsClient(options.url, options.timeoutMs);
  const limit = createLimiter(options.maxConcurrency);
  return {
    url: options.url,
    request: (method, params) =>
      limit(() =>
        client
          .request({ method: method as 'eth_chainId', params: params as never })
          .catch((error: unknown) => {
            throw toRpcFailure(where, method, error);
          }),
      ),
    close: () => closeWsClient(client),
  };
}

export async function closeWsClient(client: WsClient): Promise<void> {
  const socket = await client.transport.getRpcClient().catch(() => undefined);
  socket?.close();
}
