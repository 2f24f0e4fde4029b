/**
 * The load generator. Open loop: request i is due at
 * start + i / rate whether or not earlier ones have answered, and its latency counts from that due
 * time, so a stall shows up in every request that waited behind it.
 * open-loop-process.ts runs it in a child process.
 */
import { requestStream, type BenchRequest, type QueryKind } from './query-mix';
import type { TradeShape } from './synthetic-trades';

export interface OpenLoopPlan {
  url: string;
  shape: TradeShape;
  ledgerWallets: number;
  now: number;
  rate: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface OpenLoopResult {
  /** Latencies in ms of the requests due after the warm-up, per kind. */
  latencies: Partial<Record<QueryKind, number[]>>;
  /** Requests that failed (HTTP, transport or any GraphQL error), warm-up included. */
  errors: { kind: QueryKind; message: string }[];
  sent: number;
  /** How late the last request was sent after its due time (ms): the generator kept up if small. */
  sendLagMs: number;
}

async function send(url: string, request: BenchRequest): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
    });
    const body = (await response.json()) as { errors?: { message: string }[]; data?: unknown };
    if (body.errors?.length) return body.errors.map((e) => e.message).join('; ');
    if (response.status !== 200 || !body.data) return `HTTP ${response.status}`;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export async function runOpenLoop(plan: OpenLoopPlan): Promise<OpenLoopResult> {
  const next = requestStream(plan.shape, plan.ledgerWallets, plan.now);
  const gap = 1000 / plan.rate;
  const total = Math.round((plan.warmupSeconds + plan.durationSeconds) * plan.rate);
  const warmup = Math.round(plan.warmupSeconds * plan.rate);
  const result: OpenLoopResult = { latencies: {}, errors: [], sent: 0, sendLagMs: 0 };
  const inflight: Promise<void>[] = [];
  const start = performance.now() + 20;
  const fire = (i: number) => {
    const due = start + i * gap;
    const request = next();
    result.sendLagMs = performance.now() - due;
    inflight.push(
      send(plan.url, request).then((error) => {
        const latency = performance.now() - due;
        if (error !== null) result.errors.push({ kind: request.kind, message: error });
        else if (i >= warmup) (result.latencies[request.kind] ??= []).push(latency);
      }),
    );
  };
  await new Promise<void>((resolve) => {
    const tick = () => {
      while (result.sent < total && start + result.sent * gap <= performance.now()) {
        fire(result.sent);
        result.sent += 1;
      }
      if (result.sent >= total) resolve();
      else setTimeout(tick, Math.max(0, start + result.sent * gap - performance.now()));
    };
    tick();
  });
  await Promise.all(inflight);
  return result;
}
