import { setTimeout as sleep } from 'node:timers/promises';
import { parseRetryAfter } from './backoff';
import { createLimiter } from './limiter';
import { redactUrl, type EndpointOptions, type RpcEndpoint } from './rpc-endpoint';
import { classifyHttpStatus, classifyRpcError, RpcFailure } from './rpc-errors';
import { RpcResponse } from './rpc-shapes';

interface PendingCall {
  id: number;
  method: string;
  params: readonly unknown[];
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 50;
const MAX_GATE_MS = 60_000;

/**
 * JSON-RPC over HTTP on fetch: calls made in the same tick travel as one batch array, at most
 * `maxConcurrency` HTTP requests are in flight, and each has a deadline. Every byte of the answer
 * is checked; anything unexpected becomes a retryable `RpcFailure`, never a crash.
 */
export function createHttpEndpoint(options: EndpointOptions): RpcEndpoint {
  const where = redactUrl(options.url);
  const limit = createLimiter(options.maxConcurrency);
  let queue: PendingCall[] = [];
  let nextId = 1;
  // After a 429, nothing is sent to this endpoint before its Retry-After has passed.
  const gate = { until: 0 };

  const flush = () => {
    const calls = queue;
    queue = [];
    for (let i = 0; i < calls.length; i += MAX_BATCH) {
      const batch = calls.slice(i, i + MAX_BATCH);
      void limit(() => send(options, where, batch, gate));
    }
  };

  return {
    url: options.url,
    request(method, params) {
      return new Promise((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ id: nextId++, method, params, resolve, reject });
      });
    },
    close: () => Promise.resolve(),
  };
}

async function send(
  options: EndpointOptions,
  where: string,
  batch: PendingCall[],
  gate: { until: number },
): Promise<void> {
  try {
    const wait = Math.min(MAX_GATE_MS, gate.until - Date.now());
    if (wait > 0) await sleep(wait);
    const body = await post(options, where, batch);
    settle(where, batch, body);
  } catch (error) {
    if (error instanceof RpcFailure && error.retryAfterMs !== undefined)
      gate.until = Math.max(gate.until, Date.now() + error.retryAfterMs);
    // A batch too large for the provider is split and sent again; a single call is the caller's.
    if (error instanceof RpcFailure && error.kind === 'range' && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await send(options, where, batch.slice(0, half), gate);
      await send(options, where, batch.slice(half), gate);
      return;
    }
    for (const call of batch) call.reject(error);
  }
}

async function post(
  options: EndpointOptions,
  where: string,
  batch: PendingCall[],
): Promise<unknown> {
  const payload = batch.map(({ id, method, params }) => ({ jsonrpc: '2.0', id, method, params }));
  const what = batch.length === 1 ? (batch[0]?.method ?? '') : `batch of ${batch.length}`;
  let text: string;
  try {
    const response = await fetchAnswer(
      options,
      JSON.stringify(payload.length === 1 ? payload[0] : payload),
    );
    text = await response.text();
    if (response.status !== 200) {
      throw new RpcFailure(
        `${where}: ${what}: HTTP ${response.status}`,
        classifyHttpStatus(response.status),
        { retryAfterMs: parseRetryAfter(response.headers.get('retry-after')) },
      );
    }
  } catch (error) {
    if (error instanceof RpcFailure) throw error;
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new RpcFailure(
      timedOut
        ? `${where}: ${what}: no answer within ${options.timeoutMs} ms`
        : `${where}: ${what}: ${error instanceof Error ? error.message : String(error)}`,
      timedOut ? 'timeout' : 'network',
      { cause: error },
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RpcFailure(`${where}: ${what}: response is not JSON`, 'malformed', { cause: error });
  }
}

/**
 * A kept-alive connection that the node closed while this process was busy (a synchronous
 * stretch longer than the node's keep-alive timeout, such as an embedded database starting)
 * fails the first request written to it, before any answer. The node never read that request:
 * it is sent again at once, on a fresh connection, rather than counted as a fault of the node.
 */
function closedBeforeAnswer(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

async function fetchAnswer(options: EndpointOptions, body: string): Promise<Response> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(options.timeoutMs),
  };
  try {
    return await fetch(options.url, init);
  } catch (error) {
    if (!closedBeforeAnswer(error)) throw error;
    return fetch(options.url, init);
  }
}

function settle(where: string, batch: PendingCall[], body: unknown): void {
  const items = Array.isArray(body) ? (body as unknown[]) : [body];
  const byId = new Map<string, RpcResponse>();
  for (const item of items) {
    const parsed = RpcResponse.safeParse(item);
    if (!parsed.success) continue;
    // An error without an id (a whole-batch rejection) answers every call.
    if ('error' in parsed.data && parsed.data.id == null) {
      const { code, message } = parsed.data.error;
      const failure = new RpcFailure(`${where}: ${message}`, classifyRpcError(code, message));
      for (const call of batch) call.reject(failure);
      return;
    }
    byId.set(String(parsed.data.id), parsed.data);
  }
  for (const call of batch) {
    const answer = byId.get(String(call.id));
    if (answer === undefined) {
      call.reject(
        new RpcFailure(`${where}: ${call.method}: no valid answer in the response`, 'malformed'),
      );
    } else if ('error' in answer) {
      const { code, message } = answer.error;
      call.reject(
        new RpcFailure(
          `${where}: ${call.method}: ${message} (${code})`,
          classifyRpcError(code, message),
        ),
      );
    } else {
      call.resolve(answer.result);
    }
  }
}
