import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { backoffDelay, defaultBackoff, type BackoffPolicy } from './backoff';
import { redactUrl, type RpcEndpoint } from './rpc-endpoint';
import { askChainId, wrongChainFailure } from './chain-id-check';
import { isEndpointFault, isWrongChain, RpcFailure } from './rpc-errors';
import { RpcQuantity } from './rpc-shapes';

interface Health {
  endpoint: RpcEndpoint;
  where: string;
  order: number;
  /** Consecutive failures; each one demotes the endpoint for longer. */
  failures: number;
  demotedUntil: number;
  /** Set by a rate limit: no request to this endpoint before then. */
  notBefore: number;
  /** The head it last reported; it is never asked about blocks above it. */
  head: number;
  /** Its answer to eth_chainId; until it has one it serves no call. */
  servesChain: number | undefined;
  /** The eth_chainId request in flight, shared by every call waiting for it. */
  chainCheck: Promise<void> | undefined;
}

export interface PoolOptions {
  chainId: number;
  logger: Logger;
  /** Tries of one call across endpoints before the error goes to the caller. */
  maxAttempts?: number;
  /** How long a first failure demotes an endpoint; doubles per consecutive failure. */
  demoteMs?: number;
  /** An endpoint this many blocks behind the best one is demoted. */
  lagBlocks?: number;
  backoff?: BackoffPolicy;
}

const MAX_DEMOTION_MS = 120_000;
const MAX_WAIT_MS = 60_000;

/**
 * The endpoints of one chain with their health: calls go to the best endpoint that has reached
 * the blocks they ask about, fail over to the next on an endpoint fault, and back off (honouring
 * Retry-After) when no healthy endpoint is left.
 */
export class EndpointPool {
  private readonly health: Health[];
  private readonly lifetime = new AbortController();
  private readonly log: Logger;
  /** One failed HTTP batch rejects every call in it with the same error: count it once. */
  private readonly counted = new WeakSet<RpcFailure>();

  constructor(
    endpoints: readonly RpcEndpoint[],
    private readonly options: PoolOptions,
  ) {
    this.health = endpoints.map((endpoint, order) => ({
      endpoint,
      where: redactUrl(endpoint.url),
      order,
      failures: 0,
      demotedUntil: 0,
      notBefore: 0,
      head: -1,
      servesChain: undefined,
      chainCheck: undefined,
    }));
    this.log = options.logger.child({ chainId: options.chainId });
    // Every call in flight (a range's headers, a batch of contract reads) may wait on it at once.
    setMaxListeners(0, this.lifetime.signal);
  }

  /** Asks every endpoint in good standing for its head; the chain's head is the highest. */
  async head(): Promise<number> {
    const maxAttempts = this.options.maxAttempts ?? 4;
    for (let attempt = 1; ;) {
      const now = Date.now();
      const ranked = this.ranked();
      const healthy = ranked.filter((h) => h.demotedUntil <= now);
      const asked = healthy.length > 0 ? healthy : ranked;
      const results = await Promise.allSettled(asked.map((h) => this.refreshHead(h)));
      const heads = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      if (heads.length > 0) return this.demoteLaggards(asked, Math.max(...heads));
      // Endpoints found on another chain have left the rotation: ask those that are left.
      const failures = results
        .flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
        .filter((reason) => !isWrongChain(reason));
      if (failures.length === 0) continue;
      const failure = failures[0];
      if (attempt >= maxAttempts || !isEndpointFault(failure)) throw failure;
      const policy = this.options.backoff ?? defaultBackoff;
      await this.pause(Math.max(backoffDelay(attempt, policy), failure.retryAfterMs ?? 0));
      attempt += 1;
    }
  }

  /** The highest head an endpoint of the chain has reported so far; -1 before any has. */
  knownHead(): number {
    return Math.max(-1, ...this.health.map((h) => h.head));
  }

  private demoteLaggards(asked: Health[], best: number): number {
    const lagBlocks = this.options.lagBlocks ?? 3;
    for (const h of asked) {
      if (h.head >= 0 && h.head < best - lagBlocks)
        this.failed(h, new RpcFailure(`${h.where}: head ${h.head} lags ${best}`, 'lagging'));
    }
    return best;
  }

  /** Runs `run` on the best endpoint that has reached `atLeastBlock`, failing over on faults. */
  async call<T>(
    what: string,
    run: (endpoint: RpcEndpoint) => Promise<T>,
    opts: { atLeastBlock?: number; avoid?: readonly string[] } = {},
  ): Promise<T> {
    const maxAttempts = this.options.maxAttempts ?? 4;
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts;) {
      const h = await this.pick(opts.atLeastBlock ?? -1, opts.avoid);
      await this.pause(h.notBefore - Date.now());
      try {
        await this.checkChain(h);
        const value = await run(h.endpoint);
        this.succeeded(h);
        return value;
      } catch (error) {
        if (isWrongChain(error)) continue; // out of the rotation now: pick another one
        if (!isEndpointFault(error)) throw error;
        lastError = error;
        this.failed(h, error);
        if (attempt < maxAttempts && !this.anotherHealthy(h)) {
          const policy = this.options.backoff ?? defaultBackoff;
          await this.pause(Math.max(backoffDelay(attempt, policy), error.retryAfterMs ?? 0));
        }
        attempt += 1;
      }
    }
    this.log.warn(
      { event: 'rpc.call_failed', what, err: lastError },
      'RPC call failed on every try',
    );
    throw lastError;
  }

  /** Ends pending waits: the reader is no longer needed. */
  stop(): void {
    this.lifetime.abort();
  }

  async close(): Promise<void> {
    this.stop();
    await Promise.allSettled(this.health.map((h) => h.endpoint.close()));
  }

  /** The endpoints in rotation, best first; fails for good once every one is on another chain. */
  private ranked(): Health[] {
    const now = Date.now();
    const demoted = (h: Health) => (h.demotedUntil > now ? 1 : 0);
    return this.inRotation().sort(
      (a, b) => demoted(a) - demoted(b) || a.failures - b.failures || a.order - b.order,
    );
  }

  private inRotation(): Health[] {
    const left = this.health.filter((h) => !this.onWrongChain(h));
    if (left.length === 0) throw wrongChainFailure(this.health, this.options.chainId);
    return left;
  }

  private onWrongChain(h: Health): boolean {
    return h.servesChain !== undefined && h.servesChain !== this.options.chainId;
  }

  /**
   * Resolves once the endpoint has said it serves the configured chain (asked once, the answer
   * kept); rejects with a `wrong-chain` failure when it serves another, with its fault otherwise.
   */
  private async checkChain(h: Health): Promise<void> {
    if (h.servesChain === undefined) {
      h.chainCheck ??= askChainId(h.endpoint, h.where)
        .then((served) => {
          h.servesChain = served;
          if (this.onWrongChain(h)) this.warnWrongChain(h);
        })
        .finally(() => (h.chainCheck = undefined));
      await h.chainCheck;
    }
    if (this.onWrongChain(h)) throw wrongChainFailure([h], this.options.chainId);
  }

  private warnWrongChain(h: Health): void {
    const { message } = wrongChainFailure([h], this.options.chainId);
    this.log.warn(
      { event: 'rpc.wrong_chain', url: h.where, servedChainId: h.servesChain },
      `${message}: endpoint taken out of rotation`,
    );
  }

  private async pick(atLeastBlock: number, avoid: readonly string[] = []): Promise<Health> {
    const ranked = this.ranked();
    const preferred = ranked.filter((h) => !avoid.includes(h.endpoint.url));
    const order =
      preferred.length > 0
        ? [...preferred, ...ranked.filter((h) => avoid.includes(h.endpoint.url))]
        : ranked;
    const ready = order.find((h) => h.head >= atLeastBlock);
    if (ready) return ready;
    await Promise.allSettled(order.map((h) => this.refreshHead(h)));
    const caughtUp = order.find((h) => h.head >= atLeastBlock);
    if (caughtUp) return caughtUp;
    this.inRotation(); // when the refresh found every endpoint on another chain, say that
    throw new RpcFailure(
      `chain ${this.options.chainId}: no endpoint has reached block ${atLeastBlock}`,
      'lagging',
    );
  }

  private async refreshHead(h: Health): Promise<number> {
    await this.pause(h.notBefore - Date.now()); // a rate limit covers head polls too
    try {
      await this.checkChain(h);
      const raw = await h.endpoint.request('eth_blockNumber', []);
      const parsed = RpcQuantity.safeParse(raw);
      if (!parsed.success)
        throw new RpcFailure(`${h.where}: eth_blockNumber: malformed answer`, 'malformed');
      h.head = parsed.data;
      return parsed.data;
    } catch (error) {
      if (isEndpointFault(error)) this.failed(h, error);
      throw error;
    }
  }

  private anotherHealthy(h: Health): boolean {
    const now = Date.now();
    return this.health.some(
      (o) => o !== h && !this.onWrongChain(o) && o.demotedUntil <= now && o.notBefore <= now,
    );
  }

  private succeeded(h: Health): void {
    if (h.failures > 0)
      this.log.info({ event: 'rpc.endpoint_recovered', endpoint: h.where }, 'endpoint recovered');
    h.failures = 0;
    h.demotedUntil = 0;
  }

  private failed(h: Health, error: RpcFailure): void {
    if (this.counted.has(error)) return;
    this.counted.add(error);
    const now = Date.now();
    h.failures += 1;
    const demoteMs = (this.options.demoteMs ?? 5_000) * 2 ** Math.min(h.failures - 1, 10);
    h.demotedUntil = now + Math.min(MAX_DEMOTION_MS, demoteMs);
    if (error.retryAfterMs !== undefined) {
      h.notBefore = now + Math.min(MAX_WAIT_MS, error.retryAfterMs);
      h.demotedUntil = Math.max(h.demotedUntil, h.notBefore);
    }
    this.log.warn(
      {
        event: 'rpc.endpoint_demoted',
        endpoint: h.where,
        kind: error.kind,
        failures: h.failures,
        reason: error.message,
      },
      'endpoint demoted',
    );
  }

  private async pause(ms: number): Promise<void> {
    if (ms <= 0) return;
    await sleep(Math.min(ms, MAX_WAIT_MS), undefined, { signal: this.lifetime.signal }).catch(
      () => {
        throw new RpcFailure(`chain ${this.options.chainId}: reader stopped`, 'network');
      },
    );
  }
}
