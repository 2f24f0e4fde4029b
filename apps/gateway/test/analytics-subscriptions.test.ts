import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Topics } from '@tidemark/domain';
import type { AnalyticsUpdate, CandleUpdatedV1, WalletUpdatedV1 } from '@tidemark/schema';
import { eventually, startHarness, type Harness } from './support/harness';
import { subscribeLive, type Received } from './support/live-client';

const candleFields = `chainId pool interval blockNumber candle {
  time openUsd highUsd lowUsd closeUsd open high low close volumeUsd baseVolume quoteVolume
  trades buys sells uniqueTraders }`;
const candleQuery = `subscription Candles($chainId: Int!, $pool: Address!, $interval: CandleInterval!) {
  candleUpdated(chainId: $chainId, pool: $pool, interval: $interval) { ${candleFields} } }`;
const walletQuery = `subscription Wallet($address: Address!, $chainId: Int) {
  walletUpdated(address: $address, chainId: $chainId) {
    address chainId blockNumber
    totals { window volumeUsd feesUsd gasFeesUsd realizedPnlUsd trades closes wins winRate } } }`;

let harness: Harness;
const clients: Client[] = [];

beforeAll(async () => {
  harness = await startHarness('analytics-subscriptions');
}, 120_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => Promise.resolve(client.dispose())));
  await harness?.close();
});

const publish = (updates: AnalyticsUpdate[]) =>
  harness.bus.publish(Topics.analyticsUpdates, updates);

const subscribe = (query: string, field: string, variables: Record<string, unknown>) =>
  subscribeLive(clients, harness.gateway.wsUrl, { query, variables }, field);

/** Warm-up pushes say block 1: the tests' own updates are at other blocks. */
const WARMUP_BLOCK = 1;

/** Publishes the warm-up until every subscriber saw one push: from then on they surely listen. */
async function warmUp(subscribers: Received[], warmup: AnalyticsUpdate): Promise<void> {
  await eventually('the subscriptions to receive a warm-up push', async () => {
    await publish([warmup]);
    return subscribers.every((received) => received.pushes.length > 0);
  });
}

/** The pushes after the warm-up (late warm-ups may still arrive). */
const pushed = (received: Received) =>
  received.pushes.filter((push) => push.blockNumber !== WARMUP_BLOCK);

const POOL = `0x${'aB'.repeat(20)}`;
const WALLET = `0x${'Cd'.repeat(20)}`;

function candle(fields: Partial<CandleUpdatedV1> = {}): CandleUpdatedV1 {
  return {
    type: 'CandleUpdatedV1',
    chainId: 5,
    pool: POOL as CandleUpdatedV1['pool'],
    interval: '5m',
    bucket: 1_700_000_100,
    blockNumber: 40,
    ...{ openUsd: '1.5', highUsd: '2', lowUsd: '1.25', closeUsd: '1.75' },
    ...{ open: '0.5', high: '0.75', low: '0.25', close: '0.5' },
    ...{ volumeUsd: '1234.000000000000000001', baseVolume: '10', quoteVolume: '12000000' },
    ...{ trades: 3, buys: 2, sells: 1, uniqueTraders: 2 },
    ...fields,
  };
}

function wallet(fields: Partial<WalletUpdatedV1> = {}): WalletUpdatedV1 {
  return {
    type: 'WalletUpdatedV1',
    chainId: 5,
    wallet: WALLET as WalletUpdatedV1['wallet'],
    blockNumber: 40,
    totals: {
      ...{ volumeUsd: '100', feesUsd: '0.3', gasFeesUsd: '0.01', realizedPnlUsd: '-4.5' },
      ...{ trades: 2, closes: 1, wins: 0, winRate: '0' },
    },
    ...fields,
  };
}

describe('candleUpdated', () => {
  it("pushes only the followed pool's interval, in order, as whole candles", async () => {
    const received = subscribe(candleQuery, 'candleUpdated', {
      chainId: 5,
      pool: POOL,
      interval: 'M5',
    });
    await warmUp([received], candle({ blockNumber: WARMUP_BLOCK }));

    const update = candle({ bucket: 1_700_000_400, blockNumber: 41 });
    const emptied = candle({
      bucket: 1_700_000_100,
      blockNumber: 42,
      ...{ openUsd: null, highUsd: null, lowUsd: null, closeUsd: null },
      ...{ open: null, high: null, low: null, close: null },
      ...{ volumeUsd: '0', baseVolume: '0', quoteVolume: '0' },
      ...{ trades: 0, buys: 0, sells: 0, uniqueTraders: 0 },
    });
    await publish([
      candle({ chainId: 6 }),
      candle({ interval: '1m' }),
      candle({ pool: `0x${'9'.repeat(40)}` }),
      wallet(),
      update,
      emptied,
    ]);
    await eventually('both pushes', () => pushed(received).length >= 2);

    const pool = POOL.toLowerCase();
    const asPushed = (c: CandleUpdatedV1) => {
      const { type: _t, chainId, pool: _p, interval: _i, bucket, blockNumber, ...figures } = c;
      return { chainId, pool, interval: 'M5', blockNumber, candle: { time: bucket, ...figures } };
    };
    expect(pushed(received)).toEqual([asPushed(update), asPushed(emptied)]);
    expect(received.errors).toEqual([]);
  });

  it('rejects a bad chain id with BAD_USER_INPUT', async () => {
    const received = subscribe(candleQuery, 'candleUpdated', {
      chainId: 0,
      pool: POOL,
      interval: 'H1',
    });
    await eventually('an error', () => received.errors.length > 0);
    expect(received.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(received.errors[0]?.message).toMatch(/chainId 0/);
  });
});

describe('walletUpdated', () => {
  it("pushes the wallet's totals of one chain, or of every chain without chainId", async () => {
    const onChain = subscribe(walletQuery, 'walletUpdated', { address: WALLET, chainId: 5 });
    const anyChain = subscribe(walletQuery, 'walletUpdated', { address: WALLET.toLowerCase() });
    await warmUp([onChain, anyChain], wallet({ blockNumber: WARMUP_BLOCK }));

    const here = wallet({ blockNumber: 50 });
    const there = wallet({ chainId: 7, blockNumber: 9 });
    const stranger = wallet({ wallet: `0x${'1'.repeat(40)}` });
    await publish([stranger, candle(), there, here]);
    await eventually('the pushes', () => pushed(anyChain).length >= 2);
    await eventually('the chain 5 push', () => pushed(onChain).length >= 1);

    const asPushed = (w: WalletUpdatedV1) => ({
      address: WALLET.toLowerCase(),
      chainId: w.chainId,
      blockNumber: w.blockNumber,
      totals: { window: 'ALL', ...w.totals },
    });
    expect(pushed(onChain)).toEqual([asPushed(here)]);
    expect(pushed(anyChain)).toEqual([asPushed(there), asPushed(here)]);
    expect([...onChain.errors, ...anyChain.errors]).toEqual([]);
  });
});
