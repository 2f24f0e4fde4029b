import { EventTopics, type OlapStore, type OltpStore, type TradeCursor } from '@tidemark/domain';
import { rpc } from './chain-truth';

export const headNumber = async (url: string) =>
  Number(BigInt(await rpc<string>(url, 'eth_blockNumber', [])));

async function blockHashAt(url: string, n: number): Promise<string> {
  const block = await rpc<{ hash: string }>(url, 'eth_getBlockByNumber', [
    `0x${n.toString(16)}`,
    false,
  ]);
  return block.hash.toLowerCase();
}

interface Log {
  topics: string[];
  data: string;
  blockHash: string;
  transactionHash: string;
  logIndex: string;
}

const swapTopics = new Set<string>([EventTopics.swapV2, EventTopics.swapV3]);
const poolTopics = [EventTopics.pairCreated, EventTopics.poolCreatedV3];
/** The pool address in a factory event's data: the first word (V2) or the second (V3). */
const poolOf = (l: Log) => {
  const word = l.topics[0] === EventTopics.pairCreated ? 0 : 1;
  return `0x${l.data.slice(2 + word * 64 + 24, 2 + (word + 1) * 64)}`.toLowerCase();
};

/** Natural keys (blockHash:txHash:logIndex) of the canonical chain's swaps and transfers. */
export async function canonicalKeys(url: string, toBlock: number) {
  const logs = await rpc<Log[]>(url, 'eth_getLogs', [
    {
      fromBlock: '0x0',
      toBlock: `0x${toBlock.toString(16)}`,
      topics: [[...swapTopics, ...poolTopics, EventTopics.transfer]],
    },
  ]);
  const key = (l: Log) =>
    `${l.blockHash.toLowerCase()}:${l.transactionHash.toLowerCase()}:${Number(BigInt(l.logIndex))}`;
  return {
    pools: new Set(logs.filter((l) => poolTopics.includes(l.topics[0] as never)).map(poolOf)),
    trades: new Set(logs.filter((l) => swapTopics.has(l.topics[0] ?? '')).map(key)),
    transfers: new Set(
      logs.filter((l) => l.topics[0] === EventTopics.transfer && l.topics.length === 3).map(key),
    ),
  };
}

const storedKey = (e: { blockHash: string; txHash: string; logIndex: number }) =>
  `${e.blockHash}:${e.txHash}:${e.logIndex}`;

/** The same keys as stored in the OLAP store, up to `toBlock`. */
export async function storedKeys(olap: OlapStore, chainId: number, toBlock: number) {
  const trades: string[] = [];
  let after: TradeCursor | undefined;
  for (;;) {
    const page = await olap.queryTrades({ chainId }, 100, after);
    trades.push(...page.trades.filter((t) => t.blockNumber <= toBlock).map(storedKey));
    const last = page.trades.at(-1);
    if (!page.hasNextPage || !last) break;
    after = {
      timestamp: last.timestamp,
      chainId,
      blockNumber: last.blockNumber,
      logIndex: last.logIndex,
    };
  }
  const transfers = (await olap.listTransfers(chainId))
    .filter((t) => t.blockNumber <= toBlock)
    .map(storedKey);
  return { trades, transfers };
}

/** Every block of the persisted reorg window and the cursor must be on the canonical chain. */
export async function offCanonicalBlocks(url: string, oltp: OltpStore, chainId: number) {
  const window = await oltp.getBlockWindow(chainId);
  const off: number[] = [];
  for (const b of window) if ((await blockHashAt(url, b.number)) !== b.hash) off.push(b.number);
  return { window, off };
}
