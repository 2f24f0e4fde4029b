import { decodeFunctionResult, encodeFunctionData, parseAbi, type Hex } from 'viem';
import type { EthCaller } from './eth-caller';

export interface Read {
  to: string;
  data: Hex;
}

/**
 * Reads several calls at once, at the latest block or at `block`; null where a call reverted.
 * Results are in the calls' order.
 */
export type BatchReads = (reads: readonly Read[], block?: number) => Promise<(Hex | null)[]>;

const multicallAbi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
]);

// Small enough that one aggregate3 stays far below any node's eth_call gas cap.
const CALLS_PER_MULTICALL = 150;

function oneByOne(caller: EthCaller): BatchReads {
  // Sent together, so the HTTP transport batches them into one request.
  return (reads, block) => Promise.all(reads.map((r) => caller.call(r.to, r.data, block)));
}

async function aggregate(
  caller: EthCaller,
  multicall: string,
  reads: readonly Read[],
  block: number | undefined,
) {
  const data = encodeFunctionData({
    abi: multicallAbi,
    functionName: 'aggregate3',
    args: [reads.map((r) => ({ target: r.to as Hex, allowFailure: true, callData: r.data }))],
  });
  const raw = await caller.call(multicall, data, block);
  // '0x': no Multicall3 at that (historical) block yet; the reads go one by one instead.
  if (raw === null || raw === '0x') return null;
  const results = decodeFunctionResult({
    abi: multicallAbi,
    functionName: 'aggregate3',
    data: raw,
  });
  return results.map((r) => (r.success ? r.returnData : null));
}

/**
 * Reads through Multicall3's aggregate3 (allowFailure) when the chain has it at `multicall`,
 * with plain eth_calls otherwise, and for a chunk whose aggregate call itself reverts.
 */
export function createBatchReads(caller: EthCaller, multicall: string): BatchReads {
  let available: Promise<boolean> | undefined;
  const plain = oneByOne(caller);
  return async (reads, block) => {
    available ??= caller.hasCode(multicall).catch((error: unknown) => {
      available = undefined; // ask again next time: the failure was the RPC's, not an answer
      throw error;
    });
    if (!(await available)) return plain(reads, block);
    const out: (Hex | null)[] = [];
    for (let i = 0; i < reads.length; i += CALLS_PER_MULTICALL) {
      const chunk = reads.slice(i, i + CALLS_PER_MULTICALL);
      const answers = await aggregate(caller, multicall, chunk, block);
      out.push(...(answers ?? (await plain(chunk, block))));
    }
    return out;
  };
}
