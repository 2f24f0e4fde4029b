import { answerCall, poolTokensFromTransfers } from './contract-facts';
import { num, str, type FixtureSlice, type Row } from './fixture-slice';
import { rpcBlock, rpcLog, rpcReceipt, rpcTransaction } from './rpc-objects';

/** A JSON-RPC error answer; `data` is set for a reverting call, as nodes do. */
export class RpcFailure extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: string,
  ) {
    super(message);
  }
}

const invalidParams = (message: string) => new RpcFailure(-32602, `invalid params: ${message}`);

interface LogFilter {
  fromBlock?: string;
  toBlock?: string;
  blockHash?: string;
  address?: string | string[];
  topics?: (string | string[] | null)[];
}

export type Handler = (params: unknown[]) => unknown;

function blockTag(slice: FixtureSlice, tag: unknown, fallback: number): number {
  if (tag === undefined || tag === null) return fallback;
  if (tag === 'latest' || tag === 'safe' || tag === 'finalized' || tag === 'pending')
    return slice.lastBlock;
  if (tag === 'earliest') return slice.firstBlock;
  if (typeof tag === 'string' && /^0x[0-9a-f]+$/i.test(tag)) return Number(BigInt(tag));
  throw invalidParams(`bad block tag ${JSON.stringify(tag)}`);
}

function matchesTopics(log: Row, filter: LogFilter['topics']): boolean {
  const topics = log.topics as string[];
  return (filter ?? []).every((wanted, i) => {
    if (wanted === null) return true;
    const actual = topics[i]?.toLowerCase();
    const options = (Array.isArray(wanted) ? wanted : [wanted]).map((t) => t.toLowerCase());
    return actual !== undefined && options.includes(actual);
  });
}

function getLogs(slice: FixtureSlice, filter: LogFilter): unknown[] {
  const recorded = new Set(slice.blocks.map((b) => num(b.number)));
  let from: number, to: number;
  if (filter.blockHash !== undefined) {
    const block = slice.blocks.find((b) => b.hash === filter.blockHash?.toLowerCase());
    if (!block) throw new RpcFailure(-32000, `unknown block ${filter.blockHash}`);
    from = to = num(block.number);
  } else {
    from = blockTag(slice, filter.fromBlock, slice.lastBlock);
    to = blockTag(slice, filter.toBlock, slice.lastBlock);
  }
  if (from > to) throw invalidParams(`fromBlock ${from} is after toBlock ${to}`);
  // Logs of blocks outside the recording are unknown, not empty: refuse rather than answer [].
  for (let n = from; n <= to; n++)
    if (!recorded.has(n)) throw new RpcFailure(-32000, `block ${n} is not in the recording`);
  const addresses =
    filter.address === undefined
      ? null
      : (Array.isArray(filter.address) ? filter.address : [filter.address]).map((a) =>
          a.toLowerCase(),
        );
  return slice.logs
    .filter((l) => num(l.block_number) >= from && num(l.block_number) <= to)
    .filter((l) => addresses === null || addresses.includes(str(l.address)))
    .filter((l) => matchesTopics(l, filter.topics))
    .sort(
      (a, b) => num(a.block_number) - num(b.block_number) || num(a.log_index) - num(b.log_index),
    )
    .map(rpcLog);
}

/** The JSON-RPC methods a replay of one fixture slice answers. */
export function replayMethods(slice: FixtureSlice): Record<string, Handler> {
  const pools = poolTokensFromTransfers(slice);
  const txByHash = new Map(slice.transactions.map((t) => [str(t.hash), t]));
  const blockByNumber = new Map(slice.blocks.map((b) => [num(b.number), b]));
  const codeless = new Set([
    `0x${'0'.repeat(40)}`,
    ...slice.transactions.map((t) => str(t.from_address)),
  ]);
  const lowerHash = (value: unknown) => {
    if (typeof value !== 'string') throw invalidParams('expected a transaction hash');
    return value.toLowerCase();
  };
  return {
    eth_chainId: () => '0x1',
    net_version: () => '1',
    eth_blockNumber: () => `0x${slice.lastBlock.toString(16)}`,
    eth_getBlockByNumber: ([tag, full]) => {
      const block = blockByNumber.get(blockTag(slice, tag, slice.lastBlock));
      return block ? rpcBlock(block, slice.transactions, full === true) : null;
    },
    eth_getBlockByHash: ([hash, full]) => {
      const block = slice.blocks.find((b) => b.hash === lowerHash(hash));
      return block ? rpcBlock(block, slice.transactions, full === true) : null;
    },
    eth_getLogs: ([filter]) => {
      if (typeof filter !== 'object' || filter === null) throw invalidParams('expected a filter');
      return getLogs(slice, filter);
    },
    eth_getTransactionByHash: ([hash]) => {
      const tx = txByHash.get(lowerHash(hash));
      return tx ? rpcTransaction(tx) : null;
    },
    eth_getTransactionReceipt: ([hash]) => {
      const tx = txByHash.get(lowerHash(hash));
      return tx ? rpcReceipt(tx, slice.logs) : null;
    },
    eth_getCode: ([address]) => {
      if (typeof address !== 'string') throw invalidParams('expected an address');
      // Known to hold no code: the zero address, and accounts that signed transactions (2023,
      // before accounts could delegate to code). Any other account's code is not recorded.
      if (codeless.has(address.toLowerCase())) return '0x';
      throw new RpcFailure(-32000, `the code of ${address} is not in the recording`);
    },
    eth_call: ([call]) => {
      const { to, data, input } = (call ?? {}) as { to?: string; data?: string; input?: string };
      const answer = to ? answerCall(pools, to, data ?? input ?? '0x') : null;
      if (answer === null) throw new RpcFailure(3, 'execution reverted', '0x');
      return answer;
    },
  };
}
