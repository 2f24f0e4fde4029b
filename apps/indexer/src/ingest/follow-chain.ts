import { setTimeout as sleep } from 'node:timers/promises';
import { Topics, type ChainReader, type EventBus, type OltpStore } from '@tidemark/domain';
import type { Logger } from 'pino';
import type { ChainConfig } from '../config/chains';
import type { ProgressTracker } from '../progress';
import { ingestRange } from './ingest-range';
import { PoolRegistry } from './pool-registry';

export interface FollowChainDeps {
  chain: ChainReader;
  config: ChainConfig;
  bus: EventBus;
  oltp: OltpStore;
  logger: Logger;
  progress: ProgressTracker;
  signal: AbortSignal;
}

const MAX_BACKOFF_MS = 30_000;

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  await sleep(ms, undefined, { signal }).catch(() => undefined);
}

function isRetryable(error: unknown): boolean {
  return (error as { retryable?: unknown })?.retryable === true;
}

/**
 * Follows one chain: publishes the events of each new block range, then advances the cursor.
 * A crash between the two republishes the range (at least once; the sink is idempotent) and a
 * restart resumes from the cursor, so nothing is skipped.
 */
export async function followChain(deps: FollowChainDeps): Promise<void> {
  const { chain, config, bus, oltp, logger, progress, signal } = deps;
  const log = logger.child({ chainId: chain.chainId });
  const pools = new PoolRegistry(chain, oltp);
  const cursor = await oltp.getCursor(chain.chainId);
  let next = cursor ? cursor.blockNumber + 1 : config.startBlock;
  let failures = 0;
  log.info({ event: 'ingest.started', fromBlock: next }, 'ingest started');
  while (!signal.aborted) {
    try {
      const head = await chain.waitForHead(next - 1, signal);
      progress.head(chain.chainId, head);
      await oltp.setHead(chain.chainId, head);
      if (next > head) continue; // stopping
      const toBlock = Math.min(head, next + config.maxBlockRange - 1);
      const { events, skippedSwaps, lastHeader } = await ingestRange(chain, pools, next, toBlock);
      for (const s of skippedSwaps)
        log.warn(
          { event: 'ingest.swap_of_unknown_pool', pool: s.address, txHash: s.transactionHash },
          'swap from an address that is not a V2 pair',
        );
      await bus.publish(Topics.chainEvents, events);
      await oltp.setCursor({
        chainId: chain.chainId,
        blockNumber: toBlock,
        blockHash: lastHeader.hash,
      });
      progress.ingested(chain.chainId, toBlock, events.length);
      log.debug(
        { event: 'ingest.range_published', fromBlock: next, toBlock, events: events.length },
        'range published',
      );
      next = toBlock + 1;
      failures = 0;
    } catch (error) {
      if (signal.aborted) break;
      if (!isRetryable(error)) throw error;
      failures += 1;
      const delay =
        Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(failures, 7)) * (0.5 + Math.random() / 2);
      log.warn(
        { event: 'ingest.retry', attempt: failures, delayMs: Math.round(delay), err: error },
        'ingest step failed, retrying',
      );
      await pause(delay, signal);
    }
  }
  log.info({ event: 'ingest.stopped', nextBlock: next }, 'ingest stopped');
}
