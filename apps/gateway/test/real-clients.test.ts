import {
  Client as UrqlClient,
  createRequest,
  fetchExchange,
  subscriptionExchange,
  type OperationResult,
} from '@urql/core';
import { parse } from 'graphql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Topics } from '@tidemark/domain';
import type { TradeExecutedV1 } from '@tidemark/schema';
import { documentHash } from '../src/documents/document-id';
import { loadTrustedDocuments } from '../src/documents/trusted-documents';
import type { Gateway } from '../src/index';
import { eventually, startHarness, type Harness } from './support/harness';
import { addr, makeTrade, tradeId } from './support/trades';

// urql, as an integrator's app would use it: HTTP for queries, graphql-ws for subscriptions.

let harness: Harness;
let trusted: Gateway;
const wsClients: WsClient[] = [];
const pool = addr('e');
const seeded = [1, 2, 3, 4].map((n) =>
  makeTrade({ chainId: 1, pool, timestamp: 1_700_000_100 + n }),
);

function urql(gateway: Gateway): UrqlClient {
  const ws = createWsClient({ url: gateway.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
  wsClients.push(ws);
  return new UrqlClient({
    url: gateway.url,
    // urql sends queries as GET; Apollo's CSRF prevention wants a header no plain form can send.
    fetchOptions: { headers: { 'apollo-require-preflight': 'true' } },
    exchanges: [
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
      fetchExchange,
    ],
  });
}

beforeAll(async () => {
  harness = await startHarness('real-clients');
  await harness.oltp.upsertChain({ chainId: 1, name: 'ethereum' });
  await harness.olap.insertTrades(seeded);
  trusted = await harness.startGateway({ documents: 'trusted' });
}, 120_000);

afterAll(async () => {
  await Promise.all(wsClients.map((client) => Promise.resolve(client.dispose())));
  await harness?.close();
});

const tradesQuery = `query PoolTrades($pool: Address!) {
  trades(filter: { pool: $pool }, first: 3) {
    edges { node { id pool amountIn amountOut status } }
    pageInfo { hasNextPage }
  }
}`;

interface TradesData {
  trades: {
    edges: { node: { id: string; pool: string; amountIn: string; amountOut: string } }[];
    pageInfo: { hasNextPage: boolean };
  };
}

describe('urql over HTTP', () => {
  it('queries a page of trades', async () => {
    const result = await urql(harness.gateway).query<TradesData>(tradesQuery, { pool }).toPromise();
    expect(result.error).toBeUndefined();
    const newest = [...seeded].reverse().slice(0, 3);
    expect(result.data?.trades.edges.map((edge) => edge.node)).toEqual(
      newest.map((trade) => ({
        id: tradeId(trade),
        pool: trade.pool,
        amountIn: trade.amountIn,
        amountOut: trade.amountOut,
        status: 'LATEST',
      })),
    );
    expect(result.data?.trades.pageInfo.hasNextPage).toBe(true);
  });

  it('names a trusted document by its hash to a gateway that runs only those', async () => {
    const [text] = [...loadTrustedDocuments().values()].filter((doc) => /query Chains\b/.test(doc));
    // Apollo's persisted-query extension: urql then sends the hash without the text.
    const persistedQuery = { version: 1 as const, sha256Hash: documentHash(text!) };
    const request = createRequest<{ chains: { id: number; name: string }[] }>(
      parse(text!),
      {},
      {
        persistedQuery,
      },
    );
    const client = urql(trusted);
    const result = await client.executeQuery(request).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.chains.map(({ id, name }) => ({ id, name }))).toEqual([
      { id: 1, name: 'ethereum' },
    ]);

    const refused = await client.query(tradesQuery, { pool }).toPromise();
    expect(refused.data).toBeUndefined();
    expect(refused.error?.graphQLErrors.map((error) => error.extensions.code)).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(refused.error?.message).toMatch(/GATEWAY_DOCUMENTS=trusted/);
  });
});

describe('urql subscriptions through the graphql-ws client', () => {
  it('receives the live trades matching its filter', async () => {
    const pushes: OperationResult<{ tradeExecuted: Record<string, unknown> }>[] = [];
    const subscription = urql(harness.gateway)
      .subscription<{ tradeExecuted: Record<string, unknown> }>(
        'subscription Live($pool: Address) { tradeExecuted(filter: { pool: $pool }) { id pool trader amountIn status } }',
        { pool: addr('f') },
      )
      .subscribe((result) => pushes.push(result));
    try {
      const sent: TradeExecutedV1[] = [];
      await eventually('a live trade through urql', async () => {
        const trade = makeTrade({ chainId: 1, pool: addr('f') });
        sent.push(trade);
        await harness.bus.publish(Topics.chainEvents, [
          makeTrade({ chainId: 1, pool: addr('9') }),
          trade,
        ]);
        return pushes.length > 0;
      });
      expect(pushes[0]?.error).toBeUndefined();
      const pushed = pushes.map((result) => result.data?.tradeExecuted);
      const trade = sent.find((candidate) => tradeId(candidate) === pushed[0]?.id);
      expect(pushed[0]).toEqual({
        id: tradeId(trade!),
        pool: addr('f'),
        trader: trade!.trader,
        amountIn: trade!.amountIn,
        status: 'LATEST',
      });
      expect(pushed.every((push) => push?.pool === addr('f'))).toBe(true);
    } finally {
      subscription.unsubscribe();
    }
  });
});
