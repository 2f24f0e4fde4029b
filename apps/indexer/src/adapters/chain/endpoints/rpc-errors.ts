import { ChainReadError } from '@tidemark/domain';

/**
 * Why a JSON-RPC call failed. `range` and `rejected` are answers about the request itself;
 * `wrong-chain` means the endpoint serves another chain than the configured one, which no retry
 * changes; every other kind is a fault of the endpoint that another endpoint (or a later try) may
 * not have.
 */
export type RpcFailureKind =
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'server'
  | 'http'
  | 'malformed'
  | 'missing'
  | 'lagging'
  | 'inconsistent'
  | 'range'
  | 'rejected'
  | 'wrong-chain';

export class RpcFailure extends ChainReadError {
  readonly retryAfterMs: number | undefined;
  constructor(
    message: string,
    readonly kind: RpcFailureKind,
    options: { retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, kind !== 'rejected' && kind !== 'wrong-chain', { cause: options.cause });
    this.name = 'RpcFailure';
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** True when another endpoint, or the same one later, may answer differently. */
export function isEndpointFault(error: unknown): error is RpcFailure {
  return error instanceof RpcFailure && error.retryable && error.kind !== 'range';
}

export function isWrongChain(error: unknown): error is RpcFailure {
  return error instanceof RpcFailure && error.kind === 'wrong-chain';
}

export function isRangeFailure(error: unknown): boolean {
  return error instanceof RpcFailure && error.kind === 'range';
}

// Providers word "your eth_getLogs asked for too much" in many ways.
const tooMuch =
  /more than \d+ results|block range|range (is )?too (wide|large|big)|limit exceeded|exceeds? .*limit|too many (results|logs|blocks)|response (size|is too)|result window|query timeout|max(imum)? .*range/i;
const rateLimited = /rate.?limit|too many requests|capacity exceeded|throttl/i;
const definitive =
  /revert|invalid (params|argument)|method .*(not found|not supported|does not exist)/i;

/** Classifies a JSON-RPC error object by its code and message. */
export function classifyRpcError(code: number, message: string): RpcFailureKind {
  if (code === -32005 || tooMuch.test(message)) return 'range';
  if (code === 429 || code === -32029 || rateLimited.test(message)) return 'rate-limited';
  if (code === 3 || code === -32601 || definitive.test(message)) return 'rejected';
  if (code === -32602) return 'rejected';
  return 'server';
}

/** Classifies a non-200 HTTP status of a JSON-RPC endpoint. */
export function classifyHttpStatus(status: number): RpcFailureKind {
  if (status === 429) return 'rate-limited';
  if (status === 413) return 'range';
  if (status >= 500) return 'server';
  return 'http';
}
