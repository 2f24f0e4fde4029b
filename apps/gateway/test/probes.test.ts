import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql, startHarness, type Harness } from './support/harness';

let harness: Harness;
let origin: string;

beforeAll(async () => {
  harness = await startHarness('probes');
  origin = new URL(harness.gateway.url).origin;
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

describe('probes', () => {
  it('/health answers while the process is up', async () => {
    const response = await fetch(`${origin}/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/ready answers 200 when the stores answer and the bus subscription is live', async () => {
    const response = await fetch(`${origin}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      checks: { oltp: 'ok', olap: 'ok', bus: 'ok' },
    });
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${origin}/nope`)).status).toBe(404);
  });
});

describe('stopping', () => {
  it('closes live subscribers and stops listening', async () => {
    const gateway = await harness.startGateway();
    let onConnected: () => void = () => undefined;
    const connected = new Promise<void>((resolve) => (onConnected = resolve));
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: gateway.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        on: {
          connected: () => onConnected(),
          closed: (event) => resolve((event as { code: number }).code),
        },
      });
      client.subscribe(
        { query: 'subscription { tradeExecuted { id } }' },
        { next: () => undefined, error: () => undefined, complete: () => undefined },
      );
    });
    await connected;
    await gateway.stop();
    expect(await closed).toBe(1001);
    await expect(fetch(gateway.url)).rejects.toThrow();
  });
});

describe('when a store fails', () => {
  it('masks the error with an id that is in the log, and /ready turns 503', async () => {
    await harness.oltp.close();
    const result = await graphql(harness.gateway.url, '{ chains { id } }');
    const error = result.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    const errorId = error?.extensions?.errorId;
    expect(errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error?.message).toBe(`Internal server error (error id ${errorId})`);
    const logged = harness.logs.find(
      (line) => line.event === 'graphql.internal_error' && line.errorId === errorId,
    );
    expect(logged?.service).toBe('gateway');
    expect(logged?.err).toBeDefined();

    const ready = await fetch(`${origin}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      ready: false,
      checks: { oltp: 'failed', olap: 'ok', bus: 'ok' },
    });
  });
});
