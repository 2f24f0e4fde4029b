import type { RawLog } from '@tidemark/domain';
import type { z } from 'zod';
import type { EndpointPool } from './endpoints/endpoint-pool';
import { redactUrl, type RpcEndpoint } from './endpoints/rpc-endpoint';
import { RpcFailure } from './endpoints/rpc-errors';
import { RpcBlockWithBloom, RpcLog } from './endpoints/rpc-shapes';

type BloomHeader = z.infer<typeof RpcBlockWithBloom>;
export type Headers = Map<number, BloomHeader>;

/** What eth_getLogs is asked for: topic0 any of `topics`, emitted by any of `addresses` if given. */
export interface LogFilter {
  topics: readonly string[];
  addresses: readonly string[] | undefined;
}

export const toHexQuantity = (n: number): string => `0x${n.toString(16)}`;

export function blocksBetween(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

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

/** Headers (with logsBloom) of blocks `numbers`, from one endpoint that has reached them all. */
export async function readHeaders(
  pool: EndpointPool,
  numbers: readonly number[],
): Promise<Headers> {
  if (numbers.length === 0) return new Map();
  const last = Math.max(...numbers);
  return pool.call(
    `headers of ${numbers.length} blocks up to ${last}`,
    async (endpoint) => {
      const where = redactUrl(endpoint.url);
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
    { atLeastBlock: last },
  );
}

/** One eth_getLogs answer for [from, to], checked for shape only; removed logs left out. */
export async function askLogs(
  endpoint: RpcEndpoint,
  from: number,
  to: number,
  filter: LogFilter,
): Promise<RawLog[]> {
  const raw = await endpoint.request('eth_getLogs', [
    {
      fromBlock: toHexQuantity(from),
      toBlock: toHexQuantity(to),
      topics: [filter.topics],
      ...(filter.addresses ? { address: filter.addresses } : {}),
    },
  ]);
  const logs = parseOr(redactUrl(endpoint.url), 'logs', RpcLog.array(), raw);
  return logs.filter((l) => l.removed !== true).map(({ removed: _removed, ...log }) => log);
}

/** Every log of an answer for [from, to] lies in that range and carries its block's header hash. */
export function checkAgainstHeaders(
  endpoint: RpcEndpoint,
  from: number,
  to: number,
  logs: readonly RawLog[],
  headers: Headers,
): void {
  const where = redactUrl(endpoint.url);
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
}
