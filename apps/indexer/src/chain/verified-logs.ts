import type { RawLog } from '@tidemark/domain';
import type { z } from 'zod';
import { AdaptiveRange } from './adaptive-range';
import type { EndpointPool } from './endpoint-pool';
import { bloomMayContainAny } from './logs-bloom';
import { redactUrl, type RpcEndpoint } from './rpc-endpoint';
import { RpcFailure } from './rpc-errors';
import { RpcBlockWithBloom, RpcLog } from './rpc-shapes';

type BloomHeader = z.infer<typeof RpcBlockWithBloom>;
type Headers = Map<number, BloomHeader>;

/** What eth_getLogs is asked for: topic0 any of `topics`, emitted by any of `addresses` if given. */
interface LogFilter {
  topics: readonly string[];
  addresses: readonly string[] | undefined;
}

const CONFIRMATIONS = 2;

export const toHexQuantity = (n: number): string => `0x${n.toString(16)}`;

function parseOr<S extends z.ZodType>(
  where: string,
  what: string,
  schema: S,
  raw: unknown,
): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new RpcFailure(
      `${where}: malformed ${what}: ${parsed.error.issues[0]?.message ?? 'unexpected shape'}`,
      'malformed',
    );
  return parsed.data;
}

/** Headers (with logsBloom) of blocks [from, to], from one endpoint that has reached `to`. */
async function readHeaders(pool: EndpointPool, from: number, to: number): Promise<Headers> {
  return pool.call(
    `headers ${from}..${to}`,
    async (endpoint) => {
      const where = redactUrl(endpoint.url);
      const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
      const raws = await Promise.all(
        numbers.map((n) => endpoint.request('eth_getBlockByNumber', [toHexQuantity(n), false])),
      );
      const headers: Headers = new Map();
      raws.forEach((raw, i) => {
        if (raw === null)
          throw new RpcFailure(`${where}: block ${numbers[i]} not found`, 'missing');
        const header = parseOr(where, 'block', RpcBlockWithBloom, raw);
        headers.set(header.number, header);
      });
      return headers;
    },
    { atLeastBlock: to },
  );
}

async function askLogs(
  endpoint: RpcEndpoint,
  from: number,
  to: number,
  filter: LogFilter,
  headers: Headers,
): Promise<RawLog[]> {
  const where = redactUrl(endpoint.url);
  const raw = await endpoint.request('eth_getLogs', [
    {
      fromBlock: toHexQuantity(from),
      toBlock: toHexQuantity(to),
      topics: [filter.topics],
      ...(filter.addresses ? { address: filter.addresses } : {}),
    },
  ]);
  const logs = parseOr(where, 'logs', RpcLog.array(), raw).filter((l) => l.removed !== true);
  for (const log of logs) {
    const header = headers.get(log.blockNumber);
    if (log.blockNumber < from || log.blockNumber > to || !header)
      throw new RpcFailure(
        `${where}: log of block ${log.blockNumber} outside ${from}..${to}`,
        'inconsistent',
      );
    if (header.hash.toLowerCase() !== log.blockHash.toLowerCase())
      throw new RpcFailure(
        `${where}: log in block ${log.blockNumber} has hash ${log.blockHash}, header says ${header.hash}`,
        'inconsistent',
      );
  }
  return logs.map(({ removed: _removed, ...log }) => log);
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
  const out: number[] = [];
  for (let n = from; n <= to; n += 1) {
    const header = headers.get(n);
    if (header && !withLogs.has(n) && bloomMayMatch(header.logsBloom, filter)) out.push(n);
  }
  return out;
}

// Bloom false positives exist, so "no logs" stands once two more answers, from other endpoints
// where there are any, agree with it.
async function confirmEmpty(
  pool: EndpointPool,
  blocks: number[],
  filter: LogFilter,
  headers: Headers,
  first: string,
): Promise<void> {
  const asked = [first];
  for (let round = 0; round < CONFIRMATIONS; round += 1) {
    const { answers, url } = await pool.call(
      `recheck of ${blocks.length} blocks`,
      async (endpoint) => ({
        answers: await Promise.all(blocks.map((n) => askLogs(endpoint, n, n, filter, headers))),
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

/**
 * eth_getLogs that callers can trust: ranges adapt to the provider's limits, every log must match
 * its block's header, and a block whose logsBloom has a requested topic but got no log is asked
 * again (of other endpoints when there are any). If a later answer has logs, the first endpoint
 * left them out: it is demoted and the chunk is read again.
 */
export function createLogReader(pool: EndpointPool, maxBlockRange: number) {
  const range = new AdaptiveRange(maxBlockRange);

  const readChunk = (from: number, to: number, filter: LogFilter, headers: Headers) =>
    pool.call(
      `eth_getLogs(${from}..${to})`,
      async (endpoint) => {
        const logs = await askLogs(endpoint, from, to, filter, headers);
        const suspicious = suspiciousBlocks(from, to, filter, headers, logs);
        if (suspicious.length > 0)
          await confirmEmpty(pool, suspicious, filter, headers, endpoint.url);
        return logs;
      },
      { atLeastBlock: to },
    );

  return async (
    from: number,
    to: number,
    topics: readonly string[],
    addresses?: readonly string[],
  ): Promise<RawLog[]> => {
    // An empty address list means "no emitter", while eth_getLogs would read it as "any".
    if (addresses?.length === 0 || topics.length === 0) return [];
    const filter: LogFilter = { topics, addresses };
    const headers = await readHeaders(pool, from, to);
    const logs = await range.collect(from, to, (a, b) => readChunk(a, b, filter, headers));
    return logs.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
  };
}
