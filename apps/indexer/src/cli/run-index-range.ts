import { setTimeout as sleep } from 'node:timers/promises';
import { openAdapters, type StoreSettings } from '@tidemark/runtime';
import type { Logger } from 'pino';
import type { RpcChainReader } from '../adapters/chain/rpc-chain-reader';
import { ChainConfig } from '../config/chains';
import { followChain } from '../roles/ingest/follow-chain';
import { formatBackfill, ProgressTracker } from '../roles/ingest/progress';
import { startSinkRole } from '../roles/sink/sink-role';
import { connectChains } from '../roles/ingest/connect-chains';
import type { IndexRangeArgs } from './index-range-args';
import { capChainReader } from './capped-chain-reader';

export interface IndexRangeSummary {
  chainId: number;
  /** The first block ingested in this run (after the stored cursor, if any), or null if none. */
  fromBlock: number | null;
  toBlock: number;
  blocks: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

const PROGRESS_EVERY_MS = 2_000;

/**
 * Indexes [fromBlock, toBlock] through the real roles (ingest publishing to the bus, the sink
 * storing) and resolves once the sink has stored toBlock. A chain with a cursor resumes after it,
 * so running the same range again only re-checks it.
 */
export async function indexRange(
  args: IndexRangeArgs,
  stores: StoreSettings,
  logger: Logger,
  print: (line: string) => void,
): Promise<IndexRangeSummary> {
  const config = ChainConfig.parse({
    id: args.chainId,
    name: `chain-${args.chainId}`,
    rpcUrl: args.rpcUrl,
    startBlock: args.fromBlock,
    maxBlockRange: args.maxBlockRange,
  });
  const [reader] = (await connectChains([config], logger)) as [RpcChainReader];
  const chain = capChainReader(reader, args.toBlock);
  const adapters = await openAdapters(stores, logger, 'tidemark-index-range');
  const abort = new AbortController();
  const progress = new ProgressTracker();
  try {
    const cursor = await adapters.oltp.getCursor(args.chainId);
    await adapters.oltp.upsertChain({ chainId: config.id, name: config.name });
    progress.register(config.id, config.name);
    const sink = await startSinkRole({ ...adapters, logger });
    const started = performance.now();
    const ingest = followChain({
      chain,
      contracts: reader.contracts,
      config,
      ...adapters,
      logger,
      progress,
      signal: abort.signal,
    });
    const stopped = ingest.then(() => {
      throw new Error('ingest stopped before the range was stored');
    });
    await Promise.race([stopped, waitUntilStored(adapters.oltp, args, progress, print)]);
    const seconds = (performance.now() - started) / 1000;
    abort.abort();
    await ingest;
    await sink.stop();
    const events = progress.snapshot()[0]?.totalEvents ?? 0;
    const first = cursor ? cursor.blockNumber + 1 : args.fromBlock;
    const blocks = Math.max(0, args.toBlock - first + 1);
    return {
      chainId: args.chainId,
      fromBlock: blocks > 0 ? first : null,
      toBlock: args.toBlock,
      blocks,
      events,
      seconds,
      eventsPerSecond: seconds > 0 ? events / seconds : 0,
    };
  } finally {
    abort.abort();
    await adapters.close();
    await reader.close();
  }
}

async function waitUntilStored(
  oltp: { listChains(): Promise<{ chainId: number; indexedBlock: number | null }[]> },
  args: IndexRangeArgs,
  progress: ProgressTracker,
  print: (line: string) => void,
): Promise<void> {
  let printed = performance.now();
  for (;;) {
    const chains = await oltp.listChains();
    const stored = chains.find((c) => c.chainId === args.chainId)?.indexedBlock ?? -1;
    if (stored >= args.toBlock) return;
    if (performance.now() - printed >= PROGRESS_EVERY_MS) {
      printed = performance.now();
      print(`${formatBackfill(progress.snapshot())} stored ${stored < 0 ? '-' : stored}`);
    }
    await sleep(100); // the store has no change notification: poll it
  }
}
