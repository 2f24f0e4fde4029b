/**
 * Open-loop HTTP load: request i is due at start + i / rate whether or not earlier ones have
 * answered, and its latency counts from that due time, so a stall shows in every request queued
 * behind it (as bench/query's generator). Pages alternate between a chain's newest trades and one
 * pool's or one trader's, so the store's read cache does not answer everything.
 */
import { summarize, type LatencySummary } from './histogram';
import { address, benchChainId, tradesQuery } from './synthetic';

export interface HttpLoadPlan {
  url: string;
  rate: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface HttpLoadResult {
  rate: number;
  /** Answered requests per second over the measured period. */
  requestsPerSecond: number;
  latency: LatencySummary;
  errors: number;
  firstError: string | undefined;
  /** How late the last request was sent (ms): the generator kept up if small. */
  sendLagMs: number;
}

/** Request i's filter: a third each by chain, by one of 50 pools, by one of 500 traders. */
function filter(i: number): Record<string, unknown> {
  if (i % 3 === 0) return { chainId: benchChainId };
  if (i % 3 === 1) return { chainId: benchChainId, pool: address('a', i % 50) };
  return { chainId: benchChainId, trader: address('d', i % 500) };
}

async function send(url: string, i: number): Promise<string | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: tradesQuery, variables: { filter: filter(i) } }),
    });
    const body = (await response.json()) as { errors?: { message: string }[]; data?: unknown };
    if (body.errors?.length) return body.errors.map((e) => e.message).join('; ');
    return response.status === 200 && body.data ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function runHttpLoad(plan: HttpLoadPlan): Promise<HttpLoadResult> {
  const gap = 1000 / plan.rate;
  const warmup = Math.round(plan.warmupSeconds * plan.rate);
  const total = warmup + Math.round(plan.durationSeconds * plan.rate);
  const latencies: number[] = [];
  const result = { errors: 0, firstError: undefined as string | undefined, sendLagMs: 0 };
  const inflight: Promise<void>[] = [];
  const start = performance.now() + 20;
  let lastAnswer = start;
  let sent = 0;
  const fire = (i: number) => {
    const due = start + i * gap;
    result.sendLagMs = performance.now() - due;
    inflight.push(
      send(plan.url, i).then((error) => {
        lastAnswer = performance.now();
        if (error !== undefined) {
          result.errors += 1;
          result.firstError ??= error;
        } else if (i >= warmup) latencies.push(lastAnswer - due);
      }),
    );
  };
  await new Promise<void>((resolve) => {
    const tick = () => {
      for (; sent < total && start + sent * gap <= performance.now(); sent += 1) fire(sent);
      if (sent >= total) resolve();
      else setTimeout(tick, Math.max(0, start + sent * gap - performance.now()));
    };
    tick();
  });
  await Promise.all(inflight);
  const measuredMs = lastAnswer - (start + warmup * gap);
  return {
    rate: plan.rate,
    requestsPerSecond: Math.round((latencies.length / measuredMs) * 1000 * 10) / 10,
    latency: summarize(latencies),
    ...result,
    sendLagMs: Math.round(result.sendLagMs * 10) / 10,
  };
}
