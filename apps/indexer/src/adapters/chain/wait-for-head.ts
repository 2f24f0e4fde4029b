import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { EndpointPool } from './endpoints/endpoint-pool';
import { subscribeNewHeads, type NewHeads } from './new-heads';

export interface HeadWaiterOptions {
  /** Where new heads are pushed; polling alone without it. */
  wsUrl: string | undefined;
  pollIntervalMs: number;
  timeoutMs: number;
  logger: Logger;
  /** Called once when the ingest loop's signal aborts: the reader is no longer needed. */
  onStop: () => Promise<void>;
}

export interface HeadWaiter {
  waitForHead(afterBlock: number, signal: AbortSignal): Promise<number>;
  close(): Promise<void>;
}

/**
 * The port's `waitForHead`: a pushed new head (or, while no subscription is live, the poll
 * interval) wakes it, and the endpoints are then asked for their heads, so the head it returns is
 * one that some endpoint can serve. With a live subscription it still polls, slowly, in case
 * pushes stop without an error.
 */
export function createHeadWaiter(pool: EndpointPool, options: HeadWaiterOptions): HeadWaiter {
  let heads: NewHeads | undefined;
  const linked = new WeakSet<AbortSignal>();
  const link = (signal: AbortSignal) => {
    if (linked.has(signal)) return;
    linked.add(signal);
    signal.addEventListener('abort', () => void options.onStop(), { once: true });
  };
  const pause = async (signal: AbortSignal) => {
    const ms = options.pollIntervalMs;
    if (heads) await heads.next(heads.live() ? ms * 4 : ms, signal);
    else await sleep(ms, undefined, { signal }).catch(() => undefined);
  };
  return {
    async waitForHead(afterBlock, signal) {
      link(signal);
      if (options.wsUrl && !heads)
        heads = subscribeNewHeads(options.wsUrl, options.timeoutMs, options.logger);
      let head = await pool.head();
      while (head <= afterBlock && !signal.aborted) {
        await pause(signal);
        if (!signal.aborted) head = await pool.head();
      }
      return head;
    },
    close: async () => {
      await heads?.close();
    },
  };
}
