import {
  decodeLog,
  EventTopics,
  type ChainReader,
  type DecodedEntry,
  type PoolRecord,
} from '@tidemark/domain';
import type { Protocol } from '@tidemark/schema';
import type { Logger } from 'pino';
import type { ChainConfig } from '../../config/chains';
import type { FactoryConfig } from '../../config/pool-discovery';

const creationTopic: Record<Protocol, string> = {
  'uniswap-v2': EventTopics.pairCreated,
  'uniswap-v3': EventTopics.poolCreatedV3,
};

export interface BackfillDeps {
  chain: ChainReader;
  config: ChainConfig;
  /** Pools already stored: where each factory's earlier scan got to. */
  known: readonly PoolRecord[];
  /** The last block before the first range ingest will read. */
  toBlock: number;
  logger?: Logger;
  /** Stores the pools of a chunk of creation events; resolves with how many it kept. */
  admit(creations: readonly DecodedEntry[]): Promise<number>;
}

/**
 * Where a factory's scan starts: its deploy block, or the newest pool it is known to have
 * created (an earlier scan, or ingest, covered everything before; the chunks are stored in
 * order, so a crash mid-scan resumes where it stopped).
 */
function scanStart(factory: FactoryConfig, deps: BackfillDeps): number {
  const from = factory.fromBlock ?? deps.config.startBlock;
  let newest = -1;
  for (const p of deps.known)
    if (p.verified && p.factory === factory.address && p.createdBlock !== null)
      newest = Math.max(newest, p.createdBlock);
  return Math.max(from, newest);
}

async function scanFactory(factory: FactoryConfig, deps: BackfillDeps): Promise<number> {
  const { chain, config } = deps;
  let found = 0;
  for (let start = scanStart(factory, deps); start <= deps.toBlock;) {
    const end = Math.min(deps.toBlock, start + config.maxBlockRange - 1);
    const logs = await chain.getLogs(
      start,
      end,
      [creationTopic[factory.protocol]],
      [factory.address],
    );
    const entries: DecodedEntry[] = [];
    for (const log of logs) {
      // An adapter may answer without the address filter: it is checked here as well.
      if (log.address.toLowerCase() !== factory.address) continue;
      const decoded = decodeLog(log);
      if (decoded) entries.push({ log, decoded });
    }
    found += await deps.admit(entries);
    deps.logger?.debug(
      { event: 'pools.backfill_range', chainId: chain.chainId, factory: factory.address, end },
      'factory pools scanned',
    );
    start = end + 1;
  }
  return found;
}

/**
 * Finds the pools the configured factories created before ingest starts, from each factory's
 * creation events, so that their swaps are known (and verified) from the first range on.
 */
export async function backfillFactoryPools(deps: BackfillDeps): Promise<number> {
  let found = 0;
  for (const factory of deps.config.factories) found += await scanFactory(factory, deps);
  return found;
}
