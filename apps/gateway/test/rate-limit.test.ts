import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@tidemark/schema';
import type { Gateway } from '../src/index';
import { startHarness, type Harness } from './support/harness';
import { startLimitedGateway, type LimitedGateway } from './support/limited-gateway';
import { openAcknowledged, type Frame, type RawSocket } from './support/ws-frames';

// A tiny budget: 100 units at once, 10 more per second. Costs (limits/operation-cost.ts):
// `chains` is a list of unknown size (10): 1 + 10 x 1 field = 11.
const cheap = '{ chains { id } }';
// trades + edges + 20 x (node + id + pool) = 62.
const expensive = '{ trades(first: 20) { edges { node { id pool } } } }';
// 1 + 1 + n x 3: the page size comes from the variable.
const paged = 'query ($n: Int!) { trades(first: $n) { edges { node { id pool } } } }';
// 1 + 7 fields = 8, charged once when it starts.
const liveTrades =
  'subscription { tradeExecuted { id pool trader tokenIn tokenOut amountIn amountOut } }';

let harness: Harness;
const gateways: Gateway[] = [];
const sockets: RawSocket[] = [];

beforeAll(async () => {
  harness = await startHarness('rate-limit');
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all(gateways.map((gateway) => gateway.stop()));
  await harness?.close();
});

/** A gateway of its own with a tiny budget; closed after the file. */
async function start(trustedProxies = 0, costPerSecond = 10): Promise<LimitedGateway> {
  const limited = await startLimitedGateway(harness, { trustedProxies, costPerSecond });
  gateways.push(limited.gateway);
  return limited;
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function post(
  url: string,
  query: string,
  options: { forwardedFor?: string; variables?: Record<string, unknown> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.forwardedFor !== undefined) headers['x-forwarded-for'] = options.forwardedFor;
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as Answer['body'];
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

/** Sends `query` until it is refused; how many were served first. */
async function servedUntilRefused(
  url: string,
  query: string,
  options: Parameters<typeof post>[2] = {},
): Promise<number> {
  for (let served = 0; served < 200; served += 1) {
    const answer = await post(url, query, options);
    if (answer.status === 429) return served;
    expect(answer.status).toBe(200);
  }
  throw new Error('never refused');
}

describe('rate limiting over HTTP', () => {
  it('answers the operation over the budget 429 with Retry-After and RATE_LIMITED', async () => {
    const { gateway, advance } = await start();
    for (let i = 0; i < 9; i += 1) {
      const served = await post(gateway.url, cheap);
      expect(served.status).toBe(200);
      expect(served.body.errors).toBeUndefined();
    }
    // 99 spent, 1 left; 11 needs 10 more at 10 per second.
    const refused = await post(gateway.url, cheap);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toHaveLength(1);
    const [error] = refused.body.errors!;
    expect(error!.extensions).toEqual({
      code: ErrorCode.RateLimited,
      retryAfterMs: 1000,
      retryable: true,
    });
    expect(error!.message).toMatch(/^Rate limit exceeded: this operation costs 11 /);
    expect(error!.message).toContain('Retry in 1 s (1000 ms): retrying then can help');

    advance(999);
    const early = await post(gateway.url, cheap);
    expect(early.status).toBe(429);
    expect(early.body.errors?.[0]?.extensions?.retryAfterMs).toBe(1);
    expect(early.retryAfter).toBe('1');
    advance(1);
    const again = await post(gateway.url, cheap);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ chains: [] });
  });

  it('charges by cost: an expensive query, or a large `first` variable, spends the budget sooner', async () => {
    const { gateway } = await start(1);
    const url = gateway.url;
    expect(await servedUntilRefused(url, cheap, { forwardedFor: '203.0.113.1' })).toBe(9);
    expect(await servedUntilRefused(url, expensive, { forwardedFor: '203.0.113.2' })).toBe(1);
    const small = { forwardedFor: '203.0.113.3', variables: { n: 2 } };
    expect(await servedUntilRefused(url, paged, small)).toBe(12);
    const large = { forwardedFor: '203.0.113.4', variables: { n: 20 } };
    expect(await servedUntilRefused(url, paged, large)).toBe(1);
  });

  it('keeps a budget per client address, read from X-Forwarded-For only behind a trusted proxy', async () => {
    const trusting = (await start(1)).gateway.url;
    expect(await servedUntilRefused(trusting, expensive, { forwardedFor: '203.0.113.1' })).toBe(1);
    expect((await post(trusting, expensive, { forwardedFor: '203.0.113.2' })).status).toBe(200);
    expect((await post(trusting, expensive, { forwardedFor: '203.0.113.1' })).status).toBe(429);

    // Without a trusted proxy the header is the client's own claim: every request is 127.0.0.1.
    const direct = (await start(0)).gateway.url;
    expect(await servedUntilRefused(direct, expensive, { forwardedFor: '203.0.113.1' })).toBe(1);
    expect((await post(direct, expensive, { forwardedFor: '203.0.113.2' })).status).toBe(429);
  });

  it('is off with 0 cost per second', async () => {
    const { gateway } = await start(0, 0);
    for (let i = 0; i < 20; i += 1) {
      expect((await post(gateway.url, expensive)).status).toBe(200);
    }
  });
});

/** The frames of operation `id` up to its error or complete, after sending it. */
async function operation(socket: RawSocket, id: string, query: string): Promise<Frame[]> {
  socket.send({ id, type: 'subscribe', payload: { query } });
  const frames: Frame[] = [];
  for (;;) {
    const frame = await socket.next();
    expect(frame.id).toBe(id);
    frames.push(frame);
    if (frame.type === 'error' || frame.type === 'complete') return frames;
  }
}

describe('rate limiting over graphql-ws', () => {
  it('charges a subscription once when it starts, refuses over budget, and keeps the socket open', async () => {
    const { gateway, advance } = await start();
    const socket = await openAcknowledged(gateway.wsUrl);
    sockets.push(socket);
    socket.send({ id: 'live-1', type: 'subscribe', payload: { query: liveTrades } });
    // Frames are handled in order: a pong with no error before it means the subscription runs.
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });

    // 8 spent by the subscription: 8 cheap queries (88) fit, a 9th (which alone would) does not.
    expect(await servedUntilRefused(gateway.url, cheap)).toBe(8);

    const [refused, ...rest] = await operation(socket, 'live-2', liveTrades);
    expect(rest).toEqual([]);
    expect(refused!.type).toBe('error');
    const errors = refused!.payload as { message: string; extensions: Record<string, unknown> }[];
    expect(errors).toHaveLength(1);
    // 4 left, 8 needed at 10 per second.
    expect(errors[0]!.extensions).toEqual({
      code: ErrorCode.RateLimited,
      retryAfterMs: 400,
      retryable: true,
    });
    expect(errors[0]!.message).toContain('Retry in 1 s (400 ms): retrying then can help');

    advance(1000);
    const served = await operation(socket, 'q-1', cheap);
    expect(served).toEqual([
      { id: 'q-1', type: 'next', payload: { data: { chains: [] } } },
      { id: 'q-1', type: 'complete' },
    ]);
  });
});
