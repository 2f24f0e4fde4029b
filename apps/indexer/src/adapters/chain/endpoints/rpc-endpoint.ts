/** One JSON-RPC endpoint of a chain, whatever its transport. */
export interface RpcEndpoint {
  readonly url: string;
  /** Resolves with the `result`, or rejects with an `RpcFailure`. */
  request(method: string, params: readonly unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

export interface EndpointOptions {
  url: string;
  timeoutMs: number;
  maxConcurrency: number;
}

/** Endpoints in logs: the host only, since URL paths of hosted providers carry API keys. */
export function redactUrl(url: string): string {
  try {
    const { protocol, host } = new URL(url);
    return `${protocol}//${host}`;
  } catch {
    return 'invalid-url';
  }
}
