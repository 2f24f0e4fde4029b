import type { ClientRequestArgs } from 'node:http';
import { connect, type NetConnectOpts, type Socket } from 'node:net';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createKafkaBus } from '@tidemark/bus';
import { Topics, type EventBus } from '@tidemark/domain';
import { startKafka, type KafkaBroker } from '@tidemark/testkit';
import type { CanonicalEvent, TradeExecutedV1 } from '@tidemark/schema';
import { slowSubscriberCloseCode, type Gateway } from '../src/index';
import { eventually, startHarness, type Harness } from './support/harness';
import { subscribeLive, type Received } from './support/live-client';
import { addr, makeTrade, makeV3Trade, tradeId } from './support/trades';
import { startGatewayWith } from './support/ws-gateway';

const fields =
  'id chainId blockNumber blockHash txHash logIndex timestamp protocol pool trader tokenIn tokenOut amountIn amountOut';
const liveQuery = (selection: string) =>
  `subscription Live($filter: TradeFilter) { tradeExecuted(filter: $filter) { ${selection} } }`;
const subscription = liveQuery(fields);

let harness: Harness;
const clients: Client[] = [];

beforeAll(async () => {
  harness = await startHarness('subscriptions');
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
  await harness?.close();
});

const publish = (events: CanonicalEvent[]) => harness.bus.publish(Topics.chainEvents, events);

const subscribe = (wsUrl: string, variables: Record<string, unknown>, selection = fields) =>
  subscribeLive(clients, wsUrl, { query: liveQuery(selection), variables }, 'tradeExecuted');

/** Publishes matching warm-up trades until the subscriber has seen one, so it is surely live. */
async function warmUp(received: Received, warmup: () => TradeExecutedV1): Promise<Set<string>> {
  const ids = new Set<string>();
  await eventually('the subscription to receive a warm-up trade', async () => {
    const trade = warmup();
    ids.add(tradeId(trade));
    await publish([trade]);
    return received.pushes.length > 0;
  });
  return ids;
}

describe('tradeExecuted', () => {
  it('delivers exactly the trades matching the filter, in order', async () => {
    const filter = { chainId: 1, pool: addr('A'), trader: addr('b') };
    const matching = (fields: Partial<TradeExecutedV1> = {}) =>
      makeTrade({ chainId: 1, pool: addr('a'), trader: addr('b'), ...fields });
    const received = subscribe(harness.gateway.wsUrl, { filter });
    const warmups = await warmUp(received, () => matching({ logIndex: 0 }));

    const match = matching();
    const fence = matching();
    await publish([
      makeTrade({ chainId: 2, pool: addr('a'), trader: addr('b') }),
      makeTrade({ chainId: 1, pool: addr('c'), trader: addr('b') }),
      makeTrade({ chainId: 1, pool: addr('a'), trader: addr('d') }),
      {
        type: 'BlockV1',
        chainId: 1,
        blockNumber: 5,
        blockHash: match.blockHash,
        parentHash: match.blockHash,
        timestamp: 1,
      },
      match,
    ]);
    await publish([fence]);
    await eventually('the fence trade', () =>
      received.pushes.some((trade) => trade.id === tradeId(fence)),
    );

    const afterWarmup = received.pushes.filter((trade) => !warmups.has(trade.id as string));
    expect(afterWarmup.map((trade) => trade.id)).toEqual([tradeId(match), tradeId(fence)]);
    const { type: _type, sender: _sender, recipient: _recipient, ...expected } = match;
    expect(afterWarmup[0]).toEqual({ id: tradeId(match), ...expected });
    expect(received.errors).toEqual([]);
  });

  it('pushes V3 pool state, and status LATEST unless the event says finalized', async () => {
    const stateFields = 'id protocol sqrtPriceX96 liquidity tick status';
    const received = subscribe(harness.gateway.wsUrl, { filter: { chainId: 3 } }, stateFields);
    const warmups = await warmUp(received, () => makeTrade({ chainId: 3 }));
    const unsaid = makeTrade({ chainId: 3 });
    const final = makeV3Trade(7, { chainId: 3, status: 'finalized' });
    const latest = makeV3Trade(8, { chainId: 3, status: 'latest' });
    await publish([unsaid, final, latest]);
    await eventually('the three trades', () =>
      received.pushes.some((trade) => trade.id === tradeId(latest)),
    );
    const pushed = received.pushes.filter((trade) => !warmups.has(trade.id as string));
    expect(pushed).toEqual([
      {
        id: tradeId(unsaid),
        protocol: 'uniswap-v2',
        sqrtPriceX96: null,
        liquidity: null,
        tick: null,
        status: 'LATEST',
      },
      {
        id: tradeId(final),
        protocol: 'uniswap-v3',
        sqrtPriceX96: final.sqrtPriceX96,
        liquidity: final.liquidity,
        tick: final.tick,
        status: 'FINALIZED',
      },
      {
        id: tradeId(latest),
        protocol: 'uniswap-v3',
        sqrtPriceX96: latest.sqrtPriceX96,
        liquidity: latest.liquidity,
        tick: 887_264,
        status: 'LATEST',
      },
    ]);
    expect(received.errors).toEqual([]);
  });

  it('rejects a malformed filter with BAD_USER_INPUT', async () => {
    const received = subscribe(harness.gateway.wsUrl, { filter: { trader: 'not-an-address' } });
    await eventually('an error', () => received.errors.length > 0);
    expect(received.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(received.errors[0]?.message).toMatch(/address/);
  });
});

/** A raw graphql-transport-ws connection whose TCP socket the test can stop reading. */
async function openRawSubscriber(wsUrl: string) {
  let tcp: Socket | undefined;
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', {
    createConnection: (options: ClientRequestArgs) => (tcp = connect(options as NetConnectOpts)),
  });
  const messages: { type: string }[] = [];
  socket.on('message', (data: Buffer) =>
    messages.push(JSON.parse(data.toString('utf8')) as { type: string }),
  );
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') })),
  );
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await eventually('connection_ack', () =>
    messages.some((message) => message.type === 'connection_ack'),
  );
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: subscription } }));
  return { messages, closed, tcp: () => tcp! };
}

describe('a slow subscriber', () => {
  it('is dropped with a close code while the others keep receiving', async () => {
    const gateway = await harness.startGateway({ subscriberQueueLimit: 256 });
    const fast = subscribe(gateway.wsUrl, {});
    const slow = await openRawSubscriber(gateway.wsUrl);
    await warmUp(fast, () => makeTrade());
    await eventually('the slow subscriber to be live', async () => {
      await publish([makeTrade()]);
      return slow.messages.some((message) => message.type === 'next');
    });

    slow.tcp().pause();
    const dropped = () => harness.logs.some((line) => line.event === 'live.subscriber_dropped');
    const published: string[] = [];
    const deadline = Date.now() + 60_000;
    while (!dropped()) {
      expect(Date.now(), 'the slow subscriber was never dropped').toBeLessThan(deadline);
      const batch = Array.from({ length: 200 }, () => makeTrade({ chainId: 5 }));
      published.push(...batch.map(tradeId));
      await publish(batch);
      const last = tradeId(batch.at(-1)!);
      await eventually('the fast subscriber to keep up', () => fast.pushes.at(-1)?.id === last);
    }
    slow.tcp().resume();

    const close = await slow.closed;
    expect(close).toEqual({ code: slowSubscriberCloseCode, reason: 'subscriber too slow' });
    const fastIds = new Set(fast.pushes.map((trade) => trade.id));
    expect(published.every((id) => fastIds.has(id))).toBe(true);
    expect(fast.errors).toEqual([]);
  }, 90_000);
});

describe('server mode', () => {
  let broker: KafkaBroker | undefined;
  const buses: EventBus[] = [];
  const replicas: Gateway[] = [];

  beforeAll(async () => {
    broker = await startKafka();
  }, 120_000);

  afterAll(async () => {
    await Promise.all(replicas.map((gateway) => gateway.stop()));
    await Promise.all(buses.map((bus) => bus.close()));
    await broker?.stop();
  });

  async function kafkaBus(clientId: string): Promise<EventBus> {
    const bus = await createKafkaBus({
      brokers: broker!.brokers,
      clientId,
      logger: harness.logger,
    });
    buses.push(bus);
    return bus;
  }

  it('pushes a trade published on Kafka to the subscribers of every gateway replica', async () => {
    const indexer = await kafkaBus('test-indexer');
    for (const name of ['replica-a', 'replica-b'])
      replicas.push(await startGatewayWith(harness, { bus: await kafkaBus(name) }));
    // Two subscribers of one operation per replica (one shared execution each), one of another.
    const filter = { filter: { chainId: 9 } };
    const same = replicas.flatMap((gateway) => [
      subscribe(gateway.wsUrl, filter),
      subscribe(gateway.wsUrl, filter),
    ]);
    const other = replicas.map((gateway) => subscribe(gateway.wsUrl, filter, 'id amountIn'));
    const everyone = [...same, ...other];
    // Live consumers see what is published after they joined: publish until all are live.
    await eventually(
      'every subscriber of both replicas to be live',
      async () => {
        await indexer.publish(Topics.chainEvents, [makeTrade({ chainId: 9 })]);
        return everyone.every((received) => received.pushes.length > 0);
      },
      60_000,
    );
    const trade = makeTrade({ chainId: 9, amountIn: '4242' });
    await indexer.publish(Topics.chainEvents, [trade]);
    await eventually('the trade at every subscriber', () =>
      everyone.every((received) => received.pushes.some((push) => push.id === tradeId(trade))),
    );
    for (const received of everyone) {
      expect(received.pushes.find((push) => push.id === tradeId(trade))?.amountIn).toBe('4242');
      expect(received.errors).toEqual([]);
    }
  }, 120_000);
});
