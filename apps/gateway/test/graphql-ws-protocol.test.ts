import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Topics } from '@tidemark/domain';
import type { Gateway } from '../src/index';
import { eventually, startHarness, type Harness } from './support/harness';
import { addr, makeTrade } from './support/trades';
import { openAcknowledged, openRawSocket, type RawSocket } from './support/ws-frames';

// graphql-ws PROTOCOL.md (graphql-transport-ws), frame by frame. 4403 Forbidden is for
// rejecting a connection_init (authentication), which the gateway does not have yet.

const initTimeoutMs = 200;
const liveTrades = 'subscription { tradeExecuted(filter: { chainId: 7 }) { id amountIn } }';

let harness: Harness;
/** A second gateway on the same stores with a short connection_init timeout. */
let quickInit: Gateway;
const sockets: RawSocket[] = [];
const clients: Client[] = [];

beforeAll(async () => {
  harness = await startHarness('graphql-ws');
  quickInit = await harness.startGateway({ wsInitTimeoutMs: initTimeoutMs });
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
  await harness?.close();
});

async function raw(url = harness.gateway.wsUrl): Promise<RawSocket> {
  const socket = await openRawSocket(url);
  sockets.push(socket);
  return socket;
}

async function acknowledged(): Promise<RawSocket> {
  const socket = await openAcknowledged(harness.gateway.wsUrl);
  sockets.push(socket);
  return socket;
}

describe('4400 invalid message', () => {
  it.each([
    ['malformed JSON', '{"type": "connection_init"'],
    ['an unknown message type', { type: 'hello' }],
    ['a subscribe without payload', { id: '1', type: 'subscribe' }],
    [
      'a subscribe whose query is not a string',
      { id: '1', type: 'subscribe', payload: { query: 1 } },
    ],
  ])('closes the socket on %s', async (_name, frame) => {
    const socket = await acknowledged();
    socket.send(frame);
    expect(await socket.closed).toEqual({ code: 4400, reason: 'Invalid message received' });
  });
});

it('closes with 4401 Unauthorized on a subscribe before connection_ack', async () => {
  const socket = await raw();
  socket.send({ id: '1', type: 'subscribe', payload: { query: liveTrades } });
  expect(await socket.closed).toEqual({ code: 4401, reason: 'Unauthorized' });
});

it('closes with 4408 when no connection_init arrives within GATEWAY_WS_INIT_TIMEOUT_MS', async () => {
  const opened = Date.now();
  const socket = await raw(quickInit.wsUrl);
  expect(await socket.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  // The configured 200 ms, not graphql-ws's default 3 s.
  expect(Date.now() - opened).toBeGreaterThanOrEqual(initTimeoutMs - 20);
  expect(Date.now() - opened).toBeLessThan(2000);
});

it('keeps an initialised socket open past the init timeout', async () => {
  const initialised = await openAcknowledged(quickInit.wsUrl);
  sockets.push(initialised);
  const silent = await raw(quickInit.wsUrl);
  // The silent socket, opened later, closing with 4408 means the timeout has passed for both.
  expect((await silent.closed).code).toBe(4408);
  initialised.send({ type: 'ping' });
  expect(await initialised.next()).toEqual({ type: 'pong' });
});

it('closes with 4409 when a subscribe reuses the id of a live subscription', async () => {
  const socket = await acknowledged();
  const subscribe = { id: 'live-1', type: 'subscribe', payload: { query: liveTrades } };
  socket.send(subscribe);
  // Frames are handled in order: the pong means the first subscribe holds its id.
  socket.send({ type: 'ping' });
  expect(await socket.next()).toEqual({ type: 'pong' });
  socket.send(subscribe);
  expect(await socket.closed).toEqual({
    code: 4409,
    reason: 'Subscriber for live-1 already exists',
  });
});

it('lets a completed id be reused', async () => {
  const socket = await acknowledged();
  const query = { id: 'q', type: 'subscribe', payload: { query: '{ __typename }' } };
  socket.send(query);
  expect(await socket.next()).toEqual({
    id: 'q',
    type: 'next',
    payload: { data: { __typename: 'Query' } },
  });
  expect(await socket.next()).toEqual({ id: 'q', type: 'complete' });
  socket.send(query);
  expect(await socket.next()).toMatchObject({ id: 'q', type: 'next' });
});

it('closes with 4429 on a second connection_init', async () => {
  const socket = await acknowledged();
  socket.send({ type: 'connection_init' });
  expect(await socket.closed).toEqual({ code: 4429, reason: 'Too many initialisation requests' });
});

it('answers a ping with a pong echoing its payload, before and after connection_init', async () => {
  const socket = await raw();
  socket.send({ type: 'ping', payload: { sentAt: 1234 } });
  expect(await socket.next()).toEqual({ type: 'pong', payload: { sentAt: 1234 } });
  socket.send({ type: 'connection_init' });
  expect(await socket.next()).toEqual({ type: 'connection_ack' });
  socket.send({ type: 'ping' });
  expect(await socket.next()).toEqual({ type: 'pong' });
});

it('closes with 4406 when the client does not speak graphql-transport-ws', async () => {
  // Offering only another subprotocol fails the handshake client-side; offering none opens.
  const socket = await openRawSocket(harness.gateway.wsUrl, []);
  sockets.push(socket);
  expect(await socket.closed).toEqual({ code: 4406, reason: 'Subprotocol not acceptable' });
});

describe('the graphql-ws client', () => {
  it('runs a query and receives live trades over one connection', async () => {
    const client = createClient({
      url: harness.gateway.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    clients.push(client);
    const typename = await client.iterate({ query: '{ __typename }' }).next();
    expect(typename.value).toEqual({ data: { __typename: 'Query' } });

    const received: { id: string; amountIn: string }[] = [];
    const errors: unknown[] = [];
    client.subscribe<{ tradeExecuted: { id: string; amountIn: string } }>(
      { query: liveTrades },
      {
        next: (result) => {
          if (result.data) received.push(result.data.tradeExecuted);
        },
        error: (error) => errors.push(error),
        complete: () => undefined,
      },
    );
    // Publish until the subscription is surely live, then check the payload of a known trade.
    await eventually('the client to receive a live trade', async () => {
      await harness.bus.publish(Topics.chainEvents, [
        makeTrade({ chainId: 7, pool: addr('7'), amountIn: '777' }),
      ]);
      return received.length > 0;
    });
    expect(errors).toEqual([]);
    expect(received[0]?.amountIn).toBe('777');
  });
});
