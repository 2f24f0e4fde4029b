import type { Logger } from 'pino';
import { redactUrl } from './endpoints/rpc-endpoint';
import { closeWsClient, createWsClient, type WsClient } from './endpoints/ws-endpoint';

/** New heads pushed over a WebSocket (eth_subscribe newHeads), re-subscribed after a failure. */
export interface NewHeads {
  /** True while the subscription is up: polling can slow down. */
  live(): boolean;
  /** Resolves at the next new head, after `ms`, or when `signal` aborts, whichever is first. */
  next(ms: number, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

const RESUBSCRIBE_MS = 2_000;

/** Resolves when a waker in `waiters` fires, after `ms`, or when `signal` aborts. */
function nextWake(waiters: Set<() => void>, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiters.delete(done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    waiters.add(done);
    signal.addEventListener('abort', done, { once: true });
    if (signal.aborted) done();
  });
}

export function subscribeNewHeads(url: string, timeoutMs: number, logger: Logger): NewHeads {
  const where = redactUrl(url);
  const waiters = new Set<() => void>();
  let client: WsClient | undefined;
  let unwatch: (() => void) | undefined;
  let up = false;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const wakeAll = () => {
    for (const wake of [...waiters]) wake();
  };
  const subscribe = () => {
    if (closed) return;
    client = createWsClient(url, timeoutMs);
    unwatch = client.watchBlockNumber({
      emitOnBegin: false,
      onBlockNumber: () => {
        if (!up) logger.info({ event: 'rpc.new_heads_live', endpoint: where }, 'new heads live');
        up = true;
        wakeAll();
      },
      onError: (error) => {
        logger.warn(
          { event: 'rpc.new_heads_failed', endpoint: where, reason: error.message.split('\n')[0] },
          'new-heads subscription failed; polling until it is back',
        );
        up = false;
        unwatch?.();
        const old = client;
        if (old) void closeWsClient(old);
        if (!closed) retry = setTimeout(subscribe, RESUBSCRIBE_MS);
      },
    });
  };
  subscribe();

  return {
    live: () => up,
    next: (ms, signal) => nextWake(waiters, ms, signal),
    async close() {
      closed = true;
      up = false;
      clearTimeout(retry);
      unwatch?.();
      if (client) await closeWsClient(client);
      wakeAll();
    },
  };
}
