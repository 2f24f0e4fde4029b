import { setTimeout as sleep } from 'node:timers/promises';
import {
  blockStatusAt,
  ChainReadError,
  finalizedBlockAt,
  findChainBreak,
  Topics,
  trimWindow,
  type BlockHeader,
  type ChainReader,
  type EventBus,
  type OltpStore,
  type StoredBlock,
} from '@tidemark/domain';
import type { CanonicalEvent } from '@tidemark/schema';
import type { Logger } from 'pino';
import { backoffDelay, type BackoffPolicy } from '../../adapters/chain/endpoints/backoff';
import type { ChainConfig } from '../../config/chains';
import { chainMetadata, type ChainMetadata } from '../../adapters/metadata/chain-metadata';
import type { EthCaller } from '../../adapters/metadata/eth-caller';
import type { ProgressTracker } from './progress';
import { ingestRange } from './ingest-range';
import { PoolRegistry } from './pool-registry';
import { assertOneFork, readRangeHeaders } from './range-headers';
import {
  DEFAULT_PREFETCH_EVENTS,
  DEFAULT_PREFETCH_RANGES,
  RangePrefetcher,
} from './range-prefetcher';
import { rollBackIfReorged, type RollBackDeps } from './roll-back';

export interface FollowChainDeps {
  chain: ChainReader;
  /**
   * Contract reads (token metadata, pool origins). The wiring passes the RPC chain reader's
   * `contracts`, so they share its endpoints and their health.
   */
  contracts: EthCaller;
  config: ChainConfig;
  bus: EventBus;
  oltp: OltpStore;
  logger: Logger;
  progress: ProgressTracker;
  signal: AbortSignal;
}

interface FollowState {
  next: number;
  /** The stored window, oldest first: the last published blocks by number and hash. */
  window: StoredBlock[];
  pools: PoolRegistry;
  /** Whether the stored window was compared with the chain since start. */
  checked: boolean;
}

type RangeRead = [BlockHeader[], Awaited<ReturnType<typeof ingestRange>>];
type Step = FollowChainDeps & {
  meta: ChainMetadata;
  log: Logger;
  rollBack: RollBackDeps;
  keep: number;
  ranges: RangePrefetcher<RangeRead>;
};

/** Between failed steps: 0.5 s, doubling up to 30 s, with jitter. */
const STEP_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 };

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

function isRetryable(error: unknown): boolean {
  return (error as { retryable?: unknown })?.retryable === true;
}

const toStored = (h: { number: number; hash: string }): StoredBlock => ({
  number: h.number,
  hash: h.hash.toLowerCase() as `0x${string}`,
});

/** Checks the window against the chain and rolls back to the common ancestor if it moved. */
async function checkWindow(s: Step, state: FollowState): Promise<void> {
  const ancestor = await rollBackIfReorged(s.rollBack, state.window);
  state.checked = true;
  if (!ancestor) return;
  state.window = state.window.filter((b) => b.number <= ancestor.number);
  state.next = ancestor.number + 1;
  state.pools = new PoolRegistry(s.chain, s.oltp, s.config, s.meta, s.log); // it may have learnt orphaned pools
}

function stampStatus(events: CanonicalEvent[], head: number, confirmations: number) {
  return events.map((e) =>
    e.type === 'TradeExecutedV1'
      ? { ...e, status: blockStatusAt(e.blockNumber, head, confirmations) }
      : e,
  );
}

async function recordHead(s: Step, head: number): Promise<void> {
  s.progress.head(s.chain.chainId, head);
  await s.oltp.setHead(s.chain.chainId, head);
  const finalized = finalizedBlockAt(head, s.config.confirmations);
  if (finalized !== null) await s.oltp.setFinalizedBlock(s.chain.chainId, finalized);
}

/** One range: verify it extends the window, publish its events, then advance cursor and window. */
async function step(s: Step, state: FollowState): Promise<void> {
  const { chain, config } = s;
  if (!state.checked) return checkWindow(s, state);
  const head = await chain.waitForHead(state.next - 1, s.signal);
  await recordHead(s, head);
  if (state.next > head) return; // stopping
  const from = state.next;
  // Ranges are read ahead concurrently but handed out in order, checked, then published.
  const { toBlock, result: read } = await s.ranges.take(from, head);
  const [headers, { events, skippedSwaps, lastHeader }] = read;
  const broken = findChainBreak(state.window.at(-1) ?? null, headers);
  if (broken === from) return checkWindow(s, state);
  if (broken !== null) throw new ChainReadError(`block ${broken} changed during the read`, true);
  assertOneFork(chain.chainId, events, [...headers, lastHeader]);
  if (lastHeader.hash.toLowerCase() !== headers.at(-1)?.hash.toLowerCase())
    throw new ChainReadError(`block ${toBlock} changed during the read`, true);
  for (const sw of skippedSwaps)
    s.log.warn(
      { event: 'ingest.swap_of_unknown_pool', pool: sw.address, txHash: sw.transactionHash },
      'swap from an address that is not a known pool',
    );
  await s.bus.publish(Topics.chainEvents, stampStatus(events, head, config.confirmations));
  const blocks = headers.map(toStored);
  await s.oltp.advanceCursor(
    { chainId: chain.chainId, blockNumber: toBlock, blockHash: lastHeader.hash },
    blocks,
    s.keep,
  );
  state.window = trimWindow([...state.window, ...blocks], s.keep);
  state.next = toBlock + 1;
  s.progress.ingested(chain.chainId, toBlock, events.length);
  s.log.debug(
    { event: 'ingest.range_published', fromBlock: from, toBlock, events: events.length },
    'range published',
  );
}

async function loadState(
  deps: FollowChainDeps,
  meta: ChainMetadata,
  keep: number,
): Promise<FollowState> {
  const { chain, oltp, config } = deps;
  const [cursor, stored] = await Promise.all([
    oltp.getCursor(chain.chainId),
    oltp.getBlockWindow(chain.chainId),
  ]);
  // A cursor written before the window existed still anchors the next block.
  const anchor = cursor ? [{ number: cursor.blockNumber, hash: cursor.blockHash }] : [];
  return {
    next: cursor ? cursor.blockNumber + 1 : config.startBlock,
    window: trimWindow([...anchor.map(toStored), ...stored], keep),
    pools: new PoolRegistry(
      chain,
      oltp,
      config,
      meta,
      deps.logger.child({ chainId: chain.chainId }),
    ),
    checked: false,
  };
}

/**
 * Follows one chain: publishes the events of each new block range, then advances the cursor and
 * the reorg window together. A range whose first block does not extend the window means a reorg:
 * it is rolled back (see rollBackIfReorged) before the canonical blocks are ingested. A crash
 * between publish and cursor republishes the range (at least once; the sink is idempotent).
 */
export async function followChain(deps: FollowChainDeps): Promise<void> {
  const { chain, config, logger, signal } = deps;
  const meta = chainMetadata(config, deps.oltp, deps.contracts);
  const log = logger.child({ chainId: chain.chainId });
  // The deepest reorg rolled back needs its common ancestor stored too.
  const keep = config.reorgWindow + 1;
  const rollBack = { ...deps, log, reorgWindow: config.reorgWindow };
  const state = await loadState(deps, meta, keep);
  const readRange = (from: number, to: number) =>
    Promise.all([
      readRangeHeaders(chain, from, to, keep),
      ingestRange(chain, state.pools, from, to),
    ]);
  const ranges = new RangePrefetcher<RangeRead>(readRange, {
    maxBlockRange: config.maxBlockRange,
    concurrency: DEFAULT_PREFETCH_RANGES,
    budget: DEFAULT_PREFETCH_EVENTS,
    sizeOf: ([, read]) => read.events.length,
  });
  const s: Step = { ...deps, meta, log, rollBack, keep, ranges };
  let failures = 0;
  log.info({ event: 'ingest.started', fromBlock: state.next }, 'ingest started');
  while (!signal.aborted) {
    try {
      await step(s, state);
      failures = 0;
    } catch (error) {
      if (signal.aborted) break;
      if (!isRetryable(error)) throw error;
      failures += 1;
      const delay = backoffDelay(failures, STEP_BACKOFF);
      log.warn(
        { event: 'ingest.retry', attempt: failures, delayMs: delay, err: error },
        'ingest step failed, retrying',
      );
      await pause(delay, signal);
    }
  }
  log.info({ event: 'ingest.stopped', nextBlock: state.next }, 'ingest stopped');
}
