import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Topics } from '@tidemark/domain';
import type { ReorgV1 } from '@tidemark/schema';
import { eventually, graphql, startHarness, type Harness } from './support/harness';
import { makeTrade } from './support/trades';

const hash = (n: number, salt: string): `0x${string}` =>
  `0x${salt}${n.toString(16).padStart(63, '0')}`;

let harness: Harness;
let client: Client | undefined;

beforeAll(async () => {
  harness = await startHarness('reorgs');
}, 120_000);

afterAll(async () => {
  await Promise.resolve(client?.dispose());
  await harness?.close();
});

function reorg(chainId: number, ancestor: number, depth: number): ReorgV1 {
  const orphaned = Array.from({ length: depth }, (_, i) => ({
    number: ancestor + 1 + i,
    hash: hash(ancestor + 1 + i, 'e'),
  }));
  return {
    type: 'ReorgV1',
    chainId,
    ancestor: { number: ancestor, hash: hash(ancestor, 'a') },
    orphaned,
    depth,
  };
}

describe('finality in queries', () => {
  it('returns only trades at or below their chain finalized block with finalizedOnly', async () => {
    await harness.oltp.upsertChain({ chainId: 7, name: 'seven' });
    await harness.oltp.upsertChain({ chainId: 8, name: 'eight' });
    await harness.oltp.setFinalizedBlock(7, 150);
    await harness.olap.insertTrades([
      ...[140, 150, 160].map((blockNumber) => makeTrade({ chainId: 7, blockNumber })),
      makeTrade({ chainId: 8, blockNumber: 10 }),
    ]);
    const query = `query($final: Boolean) {
      trades(first: 100, filter: { finalizedOnly: $final }) { edges { node { chainId blockNumber } } }
      chains { id finalizedBlock }
    }`;
    type Data = {
      trades: { edges: { node: { chainId: number; blockNumber: number } }[] };
      chains: { id: number; finalizedBlock: number | null }[];
    };
    const final = await graphql<Data>(harness.gateway.url, query, { final: true });
    expect(final.errors).toBeUndefined();
    const blocks = final.data?.trades.edges.map((e) => `${e.node.chainId}:${e.node.blockNumber}`);
    expect(blocks?.sort()).toEqual(['7:140', '7:150']);
    expect(final.data?.chains).toEqual([
      { id: 7, finalizedBlock: 150 },
      { id: 8, finalizedBlock: null },
    ]);
    const all = await graphql<Data>(harness.gateway.url, query, {});
    expect(all.data?.trades.edges).toHaveLength(4);
  });
});

describe('tradesRetracted', () => {
  it('pushes the orphaned blocks of a reorg on the filtered chain', async () => {
    client = createClient({
      url: harness.gateway.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const received: { chainId: number; blockHashes: string[]; ancestorBlock: number }[] = [];
    const errors: unknown[] = [];
    client.subscribe<{ tradesRetracted: (typeof received)[number] }>(
      {
        query: `subscription { tradesRetracted(filter: { chainId: 7 }) { chainId blockHashes ancestorBlock } }`,
      },
      {
        next: (r) => {
          if (r.data) received.push(r.data.tradesRetracted);
        },
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    const publish = (event: ReorgV1) => harness.bus.publish(Topics.chainEvents, [event]);
    await eventually('the subscription to be live', async () => {
      await publish(reorg(7, 1, 1));
      return received.length > 0;
    });
    await publish(reorg(8, 20, 2));
    await harness.bus.publish(Topics.chainEvents, [makeTrade({ chainId: 7 }), reorg(7, 30, 3)]);
    // Published after the chain 8 reorg, so once it is here a wrong delivery would be too.
    await eventually('the chain 7 retraction', () => received.some((r) => r.ancestorBlock === 30));
    const after = received.filter((r) => r.ancestorBlock !== 1);
    expect(after).toEqual([
      { chainId: 7, blockHashes: [31, 32, 33].map((n) => hash(n, 'e')), ancestorBlock: 30 },
    ]);
    expect(errors).toEqual([]);
  });
});
