import type { Hash } from 'viem';
import { createDevnetClients, type DevnetClients } from '../rpc/devnet-clients';

export interface InjectReorgOptions {
  /** How many blocks the reorg replaces. */
  depth: number;
  /** The chain's interval mining period, restored at the end (0 leaves mining paused). */
  blockTimeMs: number;
  /**
   * How many blocks on each side wait (up to `waitForTxMs`) for pending transactions before they
   * are mined, so the orphaned and the canonical blocks hold trades when a simulator runs.
   */
  busyBlocks?: number;
  waitForTxMs?: number;
  /** Runs once the blocks to be orphaned are mined, e.g. to let an indexer ingest them. */
  beforeReplace?: (orphanHead: number) => Promise<void>;
}

export interface MinedBlock {
  number: number;
  hash: Hash;
}

export interface InjectedReorg {
  /** The newest block both chains share. */
  ancestor: MinedBlock;
  /** The blocks the reorg replaced, oldest first. */
  orphaned: MinedBlock[];
  /** The blocks that replaced them, one more than were orphaned, oldest first. */
  canonical: MinedBlock[];
}

async function hasPendingTransactions(clients: DevnetClients): Promise<boolean> {
  const pending = await clients.public.getBlock({ blockTag: 'pending' });
  return pending.transactions.length > 0;
}

/** Polls until a transaction waits for the next block, or the deadline passes (then mines empty). */
async function awaitPending(clients: DevnetClients, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !(await hasPendingTransactions(clients))) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function mineBlocks(
  clients: DevnetClients,
  timestamps: readonly bigint[],
  busyBlocks: number,
  waitForTxMs: number,
): Promise<MinedBlock[]> {
  const mined: MinedBlock[] = [];
  for (const [i, timestamp] of timestamps.entries()) {
    if (i < busyBlocks) await awaitPending(clients, waitForTxMs);
    await clients.test.setNextBlockTimestamp({ timestamp });
    await clients.test.mine({ blocks: 1 });
    const block = await clients.public.getBlock({ blockTag: 'latest' });
    mined.push({ number: Number(block.number), hash: block.hash });
  }
  return mined;
}

/**
 * Replaces the newest `depth` blocks of a Hardhat chain: pauses interval mining, snapshots the
 * head (the common ancestor), mines `depth` blocks, reverts to the snapshot and mines `depth + 1`
 * other blocks (later timestamps, so other hashes), making the new branch the longer one. Interval
 * mining stays paused meanwhile so no block lands between snapshot and revert.
 */
export async function injectReorg(
  rpcUrl: string,
  options: InjectReorgOptions,
): Promise<InjectedReorg> {
  const { depth, busyBlocks = 3, waitForTxMs = 1_000 } = options;
  if (!Number.isInteger(depth) || depth < 1)
    throw new RangeError(`depth must be >= 1, got ${depth}`);
  const clients = createDevnetClients(rpcUrl);
  await clients.test.setIntervalMining({ interval: 0 });
  try {
    const snapshot = await clients.test.snapshot();
    const base = await clients.public.getBlock({ blockTag: 'latest' });
    const ancestor = { number: Number(base.number), hash: base.hash };
    const times = (offset: bigint, count: number) =>
      Array.from({ length: count }, (_, i) => base.timestamp + offset + BigInt(i) * 2n);
    const orphaned = await mineBlocks(clients, times(1n, depth), busyBlocks, waitForTxMs);
    await options.beforeReplace?.(ancestor.number + depth);
    await clients.test.revert({ id: snapshot });
    const canonical = await mineBlocks(clients, times(2n, depth + 1), busyBlocks, waitForTxMs);
    return { ancestor, orphaned, canonical };
  } finally {
    if (options.blockTimeMs > 0)
      await clients.test.setIntervalMining({ interval: options.blockTimeMs });
  }
}
