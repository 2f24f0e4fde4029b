import { setTimeout as sleep } from 'node:timers/promises';
import { createPublicClient, http, webSocket, type PublicClient } from 'viem';
import { ChainReadError, type BlockHeader, type ChainReader, type RawLog } from '@tidemark/domain';
import type { z } from 'zod';
import { RpcBlockHeader, RpcLog, RpcTransaction } from './rpc-shapes';

const TOKEN0_SELECTOR = '0x0dfe1681';
const TOKEN1_SELECTOR = '0xd21220a7';

export interface ChainReaderOptions {
  chainId: number;
  rpcUrl: string;
  /** How often to ask for the head while waiting for a new block. */
  pollIntervalMs?: number;
  timeoutMs?: number;
}

function toHexQuantity(n: number): `0x${string}` {
  return `0x${n.toString(16)}`;
}

/** viem errors carry a one-line `shortMessage`; prefer it over the multi-line `message`. */
function errorText(error: unknown): string {
  if (error instanceof Error) {
    const short = (error as { shortMessage?: unknown }).shortMessage;
    return typeof short === 'string' ? short : (error.message.split('\n')[0] ?? error.name);
  }
  return typeof error === 'string' ? error : JSON.stringify(error);
}

function isRetryable(error: unknown): boolean {
  const text = error instanceof Error ? error.message : errorText(error);
  // A JSON-RPC "invalid params" or a revert will answer the same way next time.
  return !/invalid (params|argument)|execution reverted|-32602/i.test(text);
}

async function call<T>(chainId: number, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ChainReadError) throw error;
    const reason = errorText(error);
    throw new ChainReadError(`chain ${chainId}: ${what} failed: ${reason}`, isRetryable(error), {
      cause: error,
    });
  }
}

function validate<S extends z.ZodType>(
  chainId: number,
  what: string,
  schema: S,
  value: unknown,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new ChainReadError(
      `chain ${chainId}: malformed ${what} from RPC: ${result.error.issues[0]?.message ?? ''}`,
      true,
    );
  return result.data;
}

function decodeAddressWord(result: unknown): string | null {
  if (typeof result !== 'string' || result.length !== 66) return null;
  return `0x${result.slice(26).toLowerCase()}`;
}

/** The chain port over viem's JSON-RPC transports (HTTP with request batching, or WebSocket). */
export function createViemChainReader(options: ChainReaderOptions): ChainReader {
  const { chainId, rpcUrl } = options;
  const timeout = options.timeoutMs ?? 15_000;
  const transport = rpcUrl.startsWith('ws')
    ? webSocket(rpcUrl, { timeout, retryCount: 0 })
    : http(rpcUrl, { batch: { batchSize: 100 }, timeout, retryCount: 0 });
  const client: PublicClient = createPublicClient({ transport });
  const request = (method: string, params: unknown[]): Promise<unknown> =>
    client.request({ method: method as 'eth_chainId', params: params as never });

  const getHeadNumber = () =>
    call(chainId, 'eth_blockNumber', async () =>
      Number(await client.getBlockNumber({ cacheTime: 0 })),
    );

  return {
    chainId,
    getHeadNumber,
    waitForHead: async (afterBlock, signal) => {
      let head = await getHeadNumber();
      while (head <= afterBlock && !signal.aborted) {
        await sleep(options.pollIntervalMs ?? 500, undefined, { signal }).catch(() => undefined);
        if (!signal.aborted) head = await getHeadNumber();
      }
      return head;
    },
    getBlockHeader: (blockNumber) =>
      call(chainId, `eth_getBlockByNumber(${blockNumber})`, async () => {
        const raw = await request('eth_getBlockByNumber', [toHexQuantity(blockNumber), false]);
        if (raw === null)
          throw new ChainReadError(`chain ${chainId}: block ${blockNumber} not found`, true);
        return validate(chainId, 'block', RpcBlockHeader, raw) satisfies BlockHeader;
      }),
    getLogs: (fromBlock, toBlock, topics) =>
      call(chainId, `eth_getLogs(${fromBlock}..${toBlock})`, async () => {
        const raw = await request('eth_getLogs', [
          {
            fromBlock: toHexQuantity(fromBlock),
            toBlock: toHexQuantity(toBlock),
            topics: [topics],
          },
        ]);
        const logs: RawLog[] = validate(chainId, 'logs', RpcLog.array(), raw).filter(
          (log) => log.removed !== true,
        );
        return logs.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
      }),
    getTransactionSenders: (txHashes) =>
      call(chainId, 'eth_getTransactionByHash', async () => {
        const txs = await Promise.all(
          txHashes.map((hash) => request('eth_getTransactionByHash', [hash])),
        );
        const senders = new Map<string, string>();
        txs.forEach((raw, i) => {
          if (raw === null)
            throw new ChainReadError(
              `chain ${chainId}: transaction ${txHashes[i]} not found`,
              true,
            );
          const tx = validate(chainId, 'transaction', RpcTransaction, raw);
          senders.set(tx.hash.toLowerCase(), tx.from.toLowerCase());
        });
        return senders;
      }),
    readPairTokens: (pool) =>
      call(chainId, `token0/token1 of ${pool}`, async () => {
        // A revert means "not a pair"; a network failure must not be mistaken for that.
        const read = (data: string) =>
          request('eth_call', [{ to: pool, data }, 'latest']).catch((error: unknown) => {
            if (isRetryable(error)) throw error;
            return null;
          });
        const [t0, t1] = await Promise.all([read(TOKEN0_SELECTOR), read(TOKEN1_SELECTOR)]);
        const token0 = decodeAddressWord(t0);
        const token1 = decodeAddressWord(t1);
        return token0 && token1 ? { token0, token1 } : null;
      }),
  };
}
