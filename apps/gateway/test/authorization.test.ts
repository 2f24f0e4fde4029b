import { randomUUID } from 'node:crypto';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Topics } from '@tidemark/domain';
import type { TradeExecutedV1 } from '@tidemark/schema';
import { eventually, startHarness, type Harness } from './support/harness';
import { codeOf, IdentityClient } from './support/identity-client';
import { addr, makeTrade, tradeId } from './support/trades';
import { openRawSocket, type Frame, type RawSocket } from './support/ws-frames';

// Two real users, A and B: viem accounts that sign real EIP-4361 messages against a real gateway
// on real PGlite. A knows every id of B's objects and tries everything with them.

const poolOfB = addr('b');
const walletOfA = addr('a');
const otherPool = addr('c');
const otherWallet = addr('d');
const walletOfB = addr('e');

const watchQuery = 'subscription { watchlistTrades { id pool trader } }';
const apiKeyQuery = 'query ($id: ID!) { apiKey(id: $id) { id name } }';
const entryQuery = 'query ($id: ID!) { watchlistEntry(id: $id) { id label } }';
const listsQuery =
  '{ viewer { apiKeys { edges { node { id } } } watchlist { edges { node { id label } } } } }';
const revokeMutation = 'mutation ($id: ID!) { revokeApiKey(id: $id) { apiKey { id } } }';
const removeMutation = 'mutation ($id: ID!) { removeWatchlistEntry(id: $id) { removedId } }';

let harness: Harness;
let a: IdentityClient;
let b: IdentityClient;
let keyOfA: { id: string; secret: string };
let keyOfB: { id: string; secret: string };
let entryOfB: string;
const sockets: RawSocket[] = [];

beforeAll(async () => {
  harness = await startHarness('authorization');
  const client = () =>
    new IdentityClient(harness.gateway.url, privateKeyToAccount(generatePrivateKey()));
  a = client();
  b = client();
  await a.signIn();
  await b.signIn();
  keyOfA = await a.createApiKey(['READ', 'ALERTS_WRITE'], 'A');
  keyOfB = await b.createApiKey(['READ', 'ALERTS_WRITE'], 'B');
  await a.watch('WALLET', 1, walletOfA);
  entryOfB = await b.watch('POOL', 1, poolOfB);
  await b.watch('WALLET', 1, walletOfB);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await harness?.close();
});

/** An opaque id of the right kind for an object that does not exist. */
const unknownId = (kind: string) => Buffer.from(`${kind}:${randomUUID()}`).toString('base64url');

type Ids = { viewer: { apiKeys: { edges: { node: { id: string } }[] } } };
const listedKeys = (answer: { data?: Ids | null }) =>
  answer.data!.viewer.apiKeys.edges.map((edge) => edge.node.id);

/**
 * A's attempt, with its session and with its API key, answers exactly what an unknown id
 * answers: the same code (NOT_FOUND; FORBIDDEN where a key may not act at all), message, data.
 */
async function expectSameAsUnknown(
  query: string,
  idOfB: string,
  kind: string,
  withKey: 'NOT_FOUND' | 'FORBIDDEN' = 'NOT_FOUND',
) {
  for (const [options, code] of [
    [{}, 'NOT_FOUND'],
    [{ bearer: keyOfA.secret }, withKey],
  ] as const) {
    const tried = await a.post(query, { id: idOfB }, options);
    const unknown = await a.post(query, { id: unknownId(kind) }, options);
    expect(codeOf(tried)).toBe(code);
    expect(tried.errors).toEqual(unknown.errors);
    expect(tried.data).toEqual(unknown.data);
  }
}

describe('user A against user B’s objects', () => {
  it('cannot read B’s API key or watchlist entry by id', async () => {
    await expectSameAsUnknown(apiKeyQuery, keyOfB.id, 'ApiKey');
    await expectSameAsUnknown(entryQuery, entryOfB, 'WatchlistEntry');
    // B reads its own.
    expect((await b.post(apiKeyQuery, { id: keyOfB.id })).data).toEqual({
      apiKey: { id: keyOfB.id, name: 'B' },
    });
  });

  it('lists only its own keys and entries', async () => {
    const mine = await a.post<Ids>(listsQuery);
    expect(listedKeys(mine)).toEqual([keyOfA.id]);
    expect(JSON.stringify(mine.data)).not.toContain(entryOfB);
    const viaKey = await a.post<Ids>(listsQuery, undefined, { bearer: keyOfA.secret });
    expect(listedKeys(viaKey)).toEqual([keyOfA.id]);
  });

  it('cannot revoke B’s key or remove B’s entry, and B’s objects stay as they were', async () => {
    await expectSameAsUnknown(revokeMutation, keyOfB.id, 'ApiKey', 'FORBIDDEN');
    await expectSameAsUnknown(removeMutation, entryOfB, 'WatchlistEntry');
    expect((await a.post('{ chains { id } }', undefined, { bearer: keyOfB.secret })).status).toBe(
      200,
    );
    expect((await b.post(entryQuery, { id: entryOfB })).data).toEqual({
      watchlistEntry: { id: entryOfB, label: null },
    });
  });

  it('cannot change B’s entry by adding the same target: it gets an entry of its own', async () => {
    const added = await a.post<{ addWatchlistEntry: { entry: { id: string } } }>(
      'mutation { addWatchlistEntry(input: { kind: POOL, chainId: 1, address: "' +
        poolOfB +
        '", label: "mine" }) { entry { id } } }',
    );
    expect(added.data!.addWatchlistEntry.entry.id).not.toBe(entryOfB);
    expect((await b.post(entryQuery, { id: entryOfB })).data).toEqual({
      watchlistEntry: { id: entryOfB, label: null },
    });
    await a.post(removeMutation, { id: added.data!.addWatchlistEntry.entry.id });
  });
});

/** A graphql-ws connection authenticated with `secret`, subscribed to watchlistTrades. */
async function watchAs(secret: string): Promise<{ frames: Frame[]; socket: RawSocket }> {
  const socket = await openRawSocket(harness.gateway.wsUrl);
  sockets.push(socket);
  socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${secret}` } });
  expect((await socket.next()).type).toBe('connection_ack');
  socket.send({ id: 'w', type: 'subscribe', payload: { query: watchQuery } });
  const frames: Frame[] = [];
  const pump = async () => {
    for (;;) frames.push(await socket.next());
  };
  pump().catch(() => undefined);
  return { frames, socket };
}

const publish = (trades: TradeExecutedV1[]) => harness.bus.publish(Topics.chainEvents, trades);

type Push = { watchlistTrades: { id: string; pool: string; trader: string } };
const pushedIds = (frames: Frame[]) =>
  frames
    .filter((frame) => frame.type === 'next')
    .map((frame) => (frame.payload as { data?: Push | null }).data?.watchlistTrades.id);

/** Publishes `make()` trades until the subscriber got one, then forgets what it got. */
async function warmUp(frames: Frame[], make: () => TradeExecutedV1) {
  await eventually('the watchlist subscription to be live', async () => {
    await publish([make()]);
    return frames.length > 0;
  });
  // Later warm-up trades may still be on their way: a fence settles them.
  const fence = make();
  await publish([fence]);
  await eventually('the fence', () => pushedIds(frames).includes(tradeId(fence)));
  frames.length = 0;
}

describe('watchlistTrades', () => {
  it('pushes each user only the trades of their own watchlist, read at every event', async () => {
    const ofA = await watchAs(keyOfA.secret);
    const ofB = await watchAs(keyOfB.secret);
    await warmUp(ofA.frames, () => makeTrade({ chainId: 1, trader: walletOfA, pool: otherPool }));
    await warmUp(ofB.frames, () => makeTrade({ chainId: 1, pool: poolOfB, trader: otherWallet }));

    const forB = makeTrade({ chainId: 1, pool: poolOfB, trader: otherWallet });
    const forA = makeTrade({ chainId: 1, pool: otherPool, trader: walletOfA });
    const otherChain = makeTrade({ chainId: 2, pool: poolOfB, trader: walletOfA });
    const fence = makeTrade({ chainId: 1, pool: poolOfB, trader: walletOfA });
    await publish([forB, forA, otherChain, fence]);
    await eventually('both fences', () =>
      [ofA, ofB].every(({ frames }) => pushedIds(frames).includes(tradeId(fence))),
    );
    expect(pushedIds(ofA.frames)).toEqual([tradeId(forA), tradeId(fence)]);
    expect(pushedIds(ofB.frames)).toEqual([tradeId(forB), tradeId(fence)]);

    // B stops following the pool: its next trades no longer match, at once.
    ofB.frames.length = 0;
    expect(codeOf(await b.post(removeMutation, { id: entryOfB }))).toBeUndefined();
    const unfollowed = makeTrade({ chainId: 1, pool: poolOfB, trader: otherWallet });
    const stillFollowed = makeTrade({ chainId: 1, pool: otherPool, trader: walletOfB });
    await publish([unfollowed, stillFollowed]);
    await eventually('the wallet trade', () =>
      pushedIds(ofB.frames).includes(tradeId(stillFollowed)),
    );
    expect(pushedIds(ofB.frames)).toEqual([tradeId(stillFollowed)]);
  });

  it('refuses a subscriber without credentials', async () => {
    const socket = await openRawSocket(harness.gateway.wsUrl);
    sockets.push(socket);
    socket.send({ type: 'connection_init' });
    expect((await socket.next()).type).toBe('connection_ack');
    socket.send({ id: 'w', type: 'subscribe', payload: { query: watchQuery } });
    // graphql-ws answers a refused subscribe resolver with one result, then complete.
    const answer = await socket.next();
    expect(answer.type).toBe('next');
    const { data, errors } = answer.payload as {
      data: unknown;
      errors: { extensions: { code: string } }[];
    };
    expect(data ?? null).toBeNull();
    expect(errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await socket.next()).type).toBe('complete');
  });
});

describe('a revoked key', () => {
  it('stops working at once over HTTP and graphql-ws, open subscriptions included', async () => {
    const key = await b.createApiKey(['READ'], 'soon revoked');
    const live = await watchAs(key.secret);
    await warmUp(live.frames, () => makeTrade({ chainId: 1, pool: otherPool, trader: walletOfB }));

    expect(codeOf(await b.post(revokeMutation, { id: key.id }))).toBeUndefined();
    const http = await b.post('{ chains { id } }', undefined, { bearer: key.secret });
    expect(http.status).toBe(401);
    expect(codeOf(http)).toBe('UNAUTHENTICATED');

    await publish([makeTrade({ chainId: 1, pool: otherPool, trader: walletOfB })]);
    await eventually('the open subscription to end', () =>
      live.frames.some((frame) => frame.type === 'complete'),
    );
    const [ended] = live.frames.filter((frame) => frame.type === 'next');
    const errors = (ended!.payload as { errors?: { extensions?: { code?: string } }[] }).errors;
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const socket = await openRawSocket(harness.gateway.wsUrl);
    sockets.push(socket);
    socket.send({ type: 'connection_init', payload: { authorization: `Bearer ${key.secret}` } });
    expect((await socket.closed).code).toBe(4403);
  });
});
