import {
  findCommonAncestor,
  ReorgTooDeepError,
  Topics,
  type ChainReader,
  type EventBus,
  type OltpStore,
  type StoredBlock,
} from '@tidemark/domain';
import type { ReorgV1 } from '@tidemark/schema';
import type { Logger } from 'pino';
import type { ProgressTracker } from './progress';

export interface RollBackDeps {
  chain: ChainReader;
  bus: EventBus;
  oltp: OltpStore;
  log: Logger;
  progress: ProgressTracker;
  /** The deepest reorg that can be rolled back. */
  reorgWindow: number;
}

/** The chain's hashes at the numbers the ancestor search asks for, until it decides. */
async function searchAncestor(chain: ChainReader, window: readonly StoredBlock[]) {
  const head = await chain.getHeadNumber();
  const canonical = new Map<number, string>();
  for (;;) {
    const result = findCommonAncestor(window, canonical, head);
    if (result.kind !== 'need') return result;
    const headers = await Promise.all(result.numbers.map((n) => chain.getBlockHeader(n)));
    for (const h of headers) canonical.set(h.number, h.hash);
  }
}

/**
 * Compares the stored window with the chain. When the chain replaced stored blocks, publishes a
 * ReorgV1 for them, then rewinds cursor and window to the common ancestor, and returns the
 * ancestor; returns null when the window is canonical. Publishing first means a crash in between
 * finds the same reorg again after a restart, and the stores absorb the repeated ReorgV1.
 */
export async function rollBackIfReorged(
  deps: RollBackDeps,
  window: readonly StoredBlock[],
): Promise<StoredBlock | null> {
  const { chain, bus, oltp, log, progress } = deps;
  if (window.length === 0) return null;
  const result = await searchAncestor(chain, window);
  if (result.kind === 'too-deep') {
    progress.reorgTooDeep(chain.chainId);
    const error = new ReorgTooDeepError(chain.chainId, deps.reorgWindow, window[0]?.number ?? null);
    log.error({ event: 'ingest.reorg_too_deep', err: error }, error.message);
    throw error;
  }
  if (result.orphaned.length === 0) return null;
  const reorg: ReorgV1 = {
    type: 'ReorgV1',
    chainId: chain.chainId,
    ancestor: result.ancestor,
    orphaned: result.orphaned,
    depth: result.orphaned.length,
  };
  await bus.publish(Topics.chainEvents, [reorg]);
  await oltp.rewindCursor(chain.chainId, result.ancestor);
  progress.reorg(chain.chainId, result.ancestor.number);
  log.warn(
    {
      event: 'ingest.reorg',
      depth: reorg.depth,
      ancestor: result.ancestor.number,
      orphaned: result.orphaned.map((b) => b.hash),
    },
    `reorg of ${reorg.depth} blocks rolled back to ${result.ancestor.number}`,
  );
  return result.ancestor;
}
