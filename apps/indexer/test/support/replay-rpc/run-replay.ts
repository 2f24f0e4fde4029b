import {
  ANALYTICS_CONSUMER,
  Topics,
  type AnalyticsOlapStore,
  type EventBus,
  type OlapStore,
  type OltpStore,
  type TradeCursor,
} from '@tidemark/domain';
import type { TradeExecutedV1, TransferV1 } from '@tidemark/schema';
import { eventually } from '@tidemark/testkit';
import type { Logger } from 'pino';
import { ChainConfig } from '../../../src/config/chains';
import { startIndexer } from '../../../src/start-indexer';
import type { ReplayRpcServer } from './replay-server';

export interface ReplayStores {
  bus: EventBus;
  oltp: OltpStore;
  olap: OlapStore;
  /** With it, the analytics role runs too and the replay waits until it has seen the slice. */
  analytics?: AnalyticsOlapStore;
}

export interface ReplayResult {
  trades: TradeExecutedV1[];
  /** The trades as the ingest role published them (a live listener on the bus). */
  published: TradeExecutedV1[];
  transfers: TransferV1[];
  cursor: Awaited<ReturnType<OltpStore['getCursor']>>;
  elapsedMs: number;
}

const ZERO_ADDRESS = `0x${'0'.repeat(40)}`;

async function allTrades(olap: OlapStore): Promise<TradeExecutedV1[]> {
  const trades: TradeExecutedV1[] = [];
  let after: TradeCursor | undefined;
  for (;;) {
    const page = await olap.queryTrades({ chainId: 1 }, 200, after);
    trades.push(...page.trades);
    const last = page.trades.at(-1);
    if (!page.hasNextPage || !last) return trades;
    after = { ...last };
  }
}

/**
 * Runs the real indexer (ingest and sink roles) against a replayed slice from its first block,
 * waits until the sink has stored the slice's last block, then reads back what was stored.
 */
export async function replaySlice(
  server: ReplayRpcServer,
  stores: ReplayStores,
  logger: Logger,
): Promise<ReplayResult> {
  const { slice } = server;
  const chain = ChainConfig.parse({
    id: 1,
    name: 'mainnet-replay',
    rpcUrl: server.url,
    startBlock: slice.firstBlock,
    pollIntervalMs: 100,
    // The recording holds no contract code, so metadata is read with plain eth_calls rather than
    // through a Multicall3 whose presence the replay cannot vouch for.
    multicall3: ZERO_ADDRESS,
  });
  const published: TradeExecutedV1[] = [];
  const listener = await stores.bus.subscribe({
    topic: Topics.chainEvents,
    handler: (events) => {
      for (const e of events) if (e.type === 'TradeExecutedV1') published.push(e);
      return Promise.resolve();
    },
  });
  const started = Date.now();
  const indexer = await startIndexer({
    chains: [chain],
    roles: stores.analytics ? ['ingest', 'sink', 'analytics'] : ['ingest', 'sink'],
    ...stores,
    logger,
  });
  try {
    await Promise.race([
      eventually(
        `the sink (and analytics) to reach block ${slice.lastBlock}`,
        async () => {
          const status = (await stores.oltp.listChains()).find((c) => c.chainId === 1);
          const analyzed = stores.analytics
            ? ((await stores.oltp.state.position(ANALYTICS_CONSUMER, 1))?.blockNumber ?? -1)
            : Infinity;
          return Math.min(status?.indexedBlock ?? -1, analyzed) >= slice.lastBlock;
        },
        { timeoutMs: 60_000, intervalMs: 50 },
      ),
      indexer.done.then(() => {
        throw new Error('the indexer stopped before storing the slice');
      }),
    ]);
  } finally {
    await indexer.stop();
    await listener.unsubscribe();
  }
  const elapsedMs = Date.now() - started;
  return {
    trades: await allTrades(stores.olap),
    published,
    transfers: await stores.olap.listTransfers(1),
    cursor: await stores.oltp.getCursor(1),
    elapsedMs,
  };
}
