import { EventTopics } from '@tidemark/domain';

export interface ChainTruth {
  /** Uniswap V2 swaps. */
  swaps: Set<string>;
  /** Swaps with Uniswap V3's event. */
  v3Swaps: Set<string>;
  transfers: Set<string>;
  /** Pools created by a V2 factory (PairCreated) or a V3 one (PoolCreated). */
  pairs: Set<string>;
}

/** One JSON-RPC call to a test chain. */
export async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result: T; error?: { message: string } };
  if (body.error) throw new Error(body.error.message);
  return body.result;
}

export async function blockNumber(url: string): Promise<number> {
  return Number(BigInt(await rpc<string>(url, 'eth_blockNumber', [])));
}

/** What the chain itself says happened up to `toBlock`, keyed like the stores' natural keys. */
export async function readChainTruth(url: string, toBlock: number): Promise<ChainTruth> {
  const logs = await rpc<
    { topics: string[]; address: string; transactionHash: string; logIndex: string; data: string }[]
  >(url, 'eth_getLogs', [
    {
      fromBlock: '0x0',
      toBlock: `0x${toBlock.toString(16)}`,
      topics: [
        [
          EventTopics.swapV2,
          EventTopics.swapV3,
          EventTopics.transfer,
          EventTopics.pairCreated,
          EventTopics.poolCreatedV3,
        ],
      ],
    },
  ]);
  const key = (l: { transactionHash: string; logIndex: string }) =>
    `${l.transactionHash.toLowerCase()}:${Number(BigInt(l.logIndex))}`;
  return {
    swaps: new Set(logs.filter((l) => l.topics[0] === EventTopics.swapV2).map(key)),
    v3Swaps: new Set(logs.filter((l) => l.topics[0] === EventTopics.swapV3).map(key)),
    transfers: new Set(
      logs.filter((l) => l.topics[0] === EventTopics.transfer && l.topics.length === 3).map(key),
    ),
    pairs: new Set([
      ...logs
        .filter((l) => l.topics[0] === EventTopics.pairCreated)
        .map((l) => `0x${l.data.slice(26, 66).toLowerCase()}`),
      // PoolCreated's data is (int24 tickSpacing, address pool): the pool is the second word.
      ...logs
        .filter((l) => l.topics[0] === EventTopics.poolCreatedV3)
        .map((l) => `0x${l.data.slice(90, 130).toLowerCase()}`),
    ]),
  };
}
