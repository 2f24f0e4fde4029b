import type { RawLog } from '@tidemark/domain';
import { AdaptiveRange } from './adaptive-range';
import {
  askLogs,
  blocksBetween,
  checkAgainstHeaders,
  readHeaders,
  type Headers,
  type LogFilter,
} from './block-logs';
import type { EndpointPool } from './endpoints/endpoint-pool';
import { bloomMayContainAny } from './logs-bloom';
import { redactUrl } from './endpoints/rpc-endpoint';
import { RpcFailure } from './endpoints/rpc-errors';

const CONFIRMATIONS = 2;

/** How far below the known head a block counts as history, by default. */
export const DEFAULT_BLOOM_CHECK_DEPTH = 128;

export interface LogReaderOptions {
  maxBlockRange: number;
  /**
   * Blocks at least this far below the pool's known head are history: only the headers of blocks
   * with logs are read, and empty answers are believed. Nearer the head, where lagging or
   * inconsistent nodes answer short, every block's logsBloom is checked against the answer.
   */
  bloomCheckDepth: number;
}

function bloomMayMatch(logsBloom: string, filter: LogFilter): boolean {
  if (!bloomMayContainAny(logsBloom, filter.topics)) return false;
  return filter.addresses === undefined || bloomMayContainAny(logsBloom, filter.addresses);
}

/** Blocks whose bloom says a topic may be there, yet the answer has no log of them. */
function suspiciousBlocks(
  from: number,
  to: number,
  filter: LogFilter,
  headers: Headers,
  logs: RawLog[],
): number[] {
  const withLogs = new Set(logs.map((l) => l.blockNumber));
  return blocksBetween(from, to).filter((n) => {
    const header = headers.get(n);
    return header !== undefined && !withLogs.has(n) && bloomMayMatch(header.logsBloom, filter);
  });
}

// Bloom false positives exist, so "no logs" stands once two more answers, from other endpoints
// where there are any, agree with it.
async function confirmEmpty(
  pool: EndpointPool,
  blocks: number[],
  filter: LogFilter,
  first: string,
): Promise<void> {
  const asked = [first];
  for (let round = 0; round < CONFIRMATIONS; round += 1) {
    const { answers, url } = await pool.call(
      `recheck of ${blocks.length} blocks`,
      async (endpoint) => ({
        answers: await Promise.all(blocks.map((n) => askLogs(endpoint, n, n, filter))),
        url: endpoint.url,
      }),
      { atLeastBlock: Math.max(...blocks), avoid: asked },
    );
    asked.push(url);
    const missed = blocks.filter((_, i) => (answers[i]?.length ?? 0) > 0);
    if (missed.length > 0)
      throw new RpcFailure(
        `${redactUrl(first)}: eth_getLogs left out the logs of block(s) ${missed.join(', ')}`,
        'inconsistent',
      );
  }
}

/** A chunk near the head: checked against the headers of all its blocks, blooms included. */
function readRecentChunk(
  pool: EndpointPool,
  from: number,
  to: number,
  filter: LogFilter,
  headers: Headers,
): Promise<RawLog[]> {
  return pool.call(
    `eth_getLogs(${from}..${to})`,
    async (endpoint) => {
      const logs = await askLogs(endpoint, from, to, filter);
      checkAgainstHeaders(endpoint, from, to, logs, headers);
      const suspicious = suspiciousBlocks(from, to, filter, headers, logs);
      if (suspicious.length > 0) await confirmEmpty(pool, suspicious, filter, endpoint.url);
      return logs;
    },
    { atLeastBlock: to },
  );
}

/** A chunk of history: only the headers of the blocks that have logs are read, to check them. */
function readHistoryChunk(
  pool: EndpointPool,
  from: number,
  to: number,
  filter: LogFilter,
): Promise<RawLog[]> {
  return pool.call(
    `eth_getLogs(${from}..${to})`,
    async (endpoint) => {
      const logs = await askLogs(endpoint, from, to, filter);
      const inRange = logs.filter((l) => l.blockNumber >= from && l.blockNumber <= to);
      const headers = await readHeaders(pool, [...new Set(inRange.map((l) => l.blockNumber))]);
      checkAgainstHeaders(endpoint, from, to, logs, headers);
      return logs;
    },
    { atLeastBlock: to },
  );
}

/**
 * eth_getLogs that callers can trust: ranges adapt to the provider's limits and every log must
 * match its block's header. Near the head, a block whose logsBloom has a requested topic but got
 * no log is asked again (of other endpoints when there are any); if a later answer has logs, the
 * first endpoint left them out: it is demoted and the chunk is read again. History (blocks
 * `bloomCheckDepth` or more below the known head) skips the per-block bloom check, whose header
 * reads would otherwise dominate a backfill.
 */
export function createLogReader(pool: EndpointPool, options: LogReaderOptions) {
  const range = new AdaptiveRange(options.maxBlockRange);

  return async (
    from: number,
    to: number,
    topics: readonly string[],
    addresses?: readonly string[],
  ): Promise<RawLog[]> => {
    // An empty address list means "no emitter", while eth_getLogs would read it as "any".
    if (addresses?.length === 0 || topics.length === 0) return [];
    const filter: LogFilter = { topics, addresses };
    // Before any head is known (-1), nothing counts as history.
    const lastHistoric = Math.min(to, pool.knownHead() - options.bloomCheckDepth);
    const logs: RawLog[] = [];
    if (from <= lastHistoric)
      logs.push(
        ...(await range.collect(from, lastHistoric, (a, b) =>
          readHistoryChunk(pool, a, b, filter),
        )),
      );
    const recentFrom = Math.max(from, lastHistoric + 1);
    if (recentFrom <= to) {
      const headers = await readHeaders(pool, blocksBetween(recentFrom, to));
      logs.push(
        ...(await range.collect(recentFrom, to, (a, b) =>
          readRecentChunk(pool, a, b, filter, headers),
        )),
      );
    }
    return logs.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
  };
}
