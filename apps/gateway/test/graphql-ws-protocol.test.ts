import { GraphQLError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Topics } from '@tidemark/domain';
import type { Authenticator } from '../src/auth/http-authenticator';
import type { Viewer } from '../src/auth/viewer';
import type { Gateway } from '../src/index';
import { eventually, startHarness, type Harness } from './support/harness';
import { addr, makeTrade, tradeId } from './support/trades';
import { openAcknowledged, openRawSocket, type RawSocket } from './support/ws-frames';
import { startGatewayWith } from './support/ws-gateway';

// graphql-ws PROTOCOL.md (graphql-transport-ws), frame by frame.

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
  // A socket opened first on the gateway with the default timeout (3 s) stays silent meanwhile.
  const defaultTimeout = await raw();
  const opened = Date.now();
  const socket = await raw(quickInit.wsUrl);
  expect(await socket.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  // Not before the configured 200 ms...
  expect(Date.now() - opened).toBeGreaterThanOrEqual(initTimeoutMs - 20);
  // ...and by that timeout, not graphql-ws's default 3 s: the socket waiting on the default,
  // older than this one, has not timed out yet.
  defaultTimeout.send({ type: 'connection_init' });
  expect(await defaultTimeout.next()).toMatchObject({ type: 'connection_ack' });
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

it('pushes one shared result to every subscriber of a document, each under its own id', async () => {
  const [first, second] = [await acknowledged(), await acknowledged()];
  const subscribe = (socket: RawSocket, id: string) =>
    socket.send({ id, type: 'subscribe', payload: { query: liveTrades } });
  subscribe(first, 'a');
  subscribe(first, 'b');
  subscribe(second, 'a');
  // Frames are handled in order: the pongs mean all three subscriptions are running.
  for (const socket of [first, second]) {
    socket.send({ type: 'ping' });
    expect(await socket.next()).toEqual({ type: 'pong' });
  }
  const trade = makeTrade({ chainId: 7, pool: addr('7'), amountIn: '31337' });
  await harness.bus.publish(Topics.chainEvents, [trade]);
  const payload = { data: { tradeExecuted: { id: tradeId(trade), amountIn: '31337' } } };
  const firstFrames = [await first.next(), await first.next()];
  expect(firstFrames).toEqual(
    expect.arrayContaining([
      { id: 'a', type: 'next', payload },
      { id: 'b', type: 'next', payload },
    ]),
  );
  expect(await second.next()).toEqual({ id: 'a', type: 'next', payload });
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

/** Knows two API keys; refuses any other token as a real authenticator refuses a revoked key. */
const fakeAuthenticator: Authenticator = {
  fromRequest: () => Promise.resolve({ kind: 'anonymous' }),
  fromConnection: (_request, params) => {
    const token = params?.token;
    if (token === undefined) return Promise.resolve({ kind: 'anonymous' });
    if (token !== 'key-a' && token !== 'key-b')
      return Promise.reject(
        new GraphQLError('Unknown or revoked API key', {
          extensions: { code: 'UNAUTHENTICATED' },
        }),
      );
    const viewer: Viewer = {
      kind: 'user',
      userId: `user-${token}`,
      address: addr('u'),
      via: 'apiKey',
      apiKeyId: token,
      scopes: ['read'],
    };
    return Promise.resolve(viewer);
  },
};

describe('authentication in connection_init', () => {
  let authenticated: Gateway;
  beforeAll(async () => {
    // A budget of 2 units that never refills: `{ __typename }` costs 1.
    authenticated = await startGatewayWith(harness, {
      authenticator: fakeAuthenticator,
      clockMs: () => 0,
      config: { rateLimit: { costPerSecond: 1, burst: 2 } },
    });
  });
  afterAll(() => authenticated?.stop());

  async function init(token: string): Promise<RawSocket> {
    const socket = await raw(authenticated.wsUrl);
    socket.send({ type: 'connection_init', payload: { token } });
    return socket;
  }

  /** Runs `{ __typename }`; the answer's frame type, or the error's code. */
  async function typename(socket: RawSocket, id: string): Promise<unknown> {
    socket.send({ id, type: 'subscribe', payload: { query: '{ __typename }' } });
    const frame = await socket.next();
    if (frame.type === 'next') expect(await socket.next()).toEqual({ id, type: 'complete' });
    const errors = frame.payload as { extensions?: { code?: string } }[];
    return frame.type === 'error' ? errors[0]?.extensions?.code : frame.type;
  }

  it('closes with 4403 Forbidden when the credentials are refused', async () => {
    const socket = await init('revoked');
    expect(await socket.closed).toEqual({ code: 4403, reason: 'Forbidden' });
  });

  it('acknowledges accepted credentials and charges the API key, not the address', async () => {
    const keyA = await init('key-a');
    expect(await keyA.next()).toEqual({ type: 'connection_ack' });
    expect(await typename(keyA, '1')).toBe('next');
    expect(await typename(keyA, '2')).toBe('next');
    // Key A's budget is spent; the refusal is the operation's error and the socket stays open.
    expect(await typename(keyA, '3')).toBe('RATE_LIMITED');
    // Key B and the anonymous client come from the same address but have budgets of their own.
    const keyB = await init('key-b');
    expect(await keyB.next()).toEqual({ type: 'connection_ack' });
    expect(await typename(keyB, '1')).toBe('next');
    const anonymous = await openAcknowledged(authenticated.wsUrl);
    sockets.push(anonymous);
    expect(await typename(anonymous, '1')).toBe('next');
  });
});
