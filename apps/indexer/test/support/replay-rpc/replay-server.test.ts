import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainnetSlices } from './fixture-slice';
import { startReplayRpc, type ReplayRpcServer } from './replay-server';

const SWAP_V2 = '0xd78ad95fa46c994b6551d0da85fc275fe613ce37657fb8d5e3d130840159d822';
const SWAP_V3 = '0xc42079f94a6350d7e6235f29174924f928cc2ac818eb64fed8004e115fbcca67';
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';

let server: ReplayRpcServer;
beforeAll(async () => {
  server = await startReplayRpc(mainnetSlices[1]);
});
afterAll(() => server.stop());

interface Answer {
  id?: number;
  result?: unknown;
  error?: { code: number; message: string };
}

async function post(body: unknown): Promise<Answer> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Answer;
}
const rpc = (method: string, params: unknown[] = [], id = 1) => ({
  jsonrpc: '2.0',
  id,
  method,
  params,
});

describe('the replay JSON-RPC server', () => {
  it('answers a batch in order, with the slice as chain 1 ending at its last block', async () => {
    const answers = (await post([rpc('eth_chainId', [], 1), rpc('eth_blockNumber', [], 2)])) as {
      id: number;
      result: string;
    }[];
    expect(answers).toEqual([
      { jsonrpc: '2.0', id: 1, result: '0x1' },
      { jsonrpc: '2.0', id: 2, result: `0x${(17173050).toString(16)}` },
    ]);
  });

  it('filters logs by an OR-list of topic0, by address, and refuses blocks it did not record', async () => {
    const range = { fromBlock: '0x1060a39', toBlock: '0x1060a3a' };
    const swaps = (await post(rpc('eth_getLogs', [{ ...range, topics: [[SWAP_V2, SWAP_V3]] }])))
      .result as { topics: string[]; address: string }[];
    expect(swaps).toHaveLength(79);
    const weth = (await post(rpc('eth_getLogs', [{ ...range, address: WETH }]))).result as {
      address: string;
    }[];
    expect(weth.length).toBeGreaterThan(0);
    expect(weth.every((l) => l.address === WETH)).toBe(true);
    const outside = (
      await post(rpc('eth_getLogs', [{ fromBlock: '0x1060a38', toBlock: '0x1060a39' }]))
    ).error as { code: number };
    expect(outside.code).toBe(-32000);
  });

  it("answers a transaction's receipt with its sender and exact gas figures, null for one it lacks", async () => {
    const tx = server.slice.transactions.find((t) => Number(t.transaction_index) === 5)!;
    const { result } = (await post(rpc('eth_getTransactionReceipt', [tx.hash]))) as {
      result: { from: string; gasUsed: string; effectiveGasPrice: string; blockHash: string };
    };
    expect(result).toMatchObject({ from: tx.from_address, blockHash: tx.block_hash });
    expect(BigInt(result.gasUsed)).toBe(BigInt(tx.receipt_gas_used as number));
    expect(BigInt(result.effectiveGasPrice)).toBe(BigInt(tx.receipt_effective_gas_price as number));
    const unknown = await post(rpc('eth_getTransactionReceipt', [`0x${'ab'.repeat(32)}`]));
    expect(unknown).toMatchObject({ result: null });
  });

  it('answers token0/token1 of a swapping pool from the fixture, and reverts what it cannot justify', async () => {
    const [log] = (await post(rpc('eth_getLogs', [{ fromBlock: '0x1060a39', topics: [SWAP_V3] }])))
      .result as { address: string }[];
    const call = (to: string, data: string) => post(rpc('eth_call', [{ to, data }, 'latest']));
    const t0 = (await call(log!.address, '0x0dfe1681')) as { result: string };
    const t1 = (await call(log!.address, '0xd21220a7')) as { result: string };
    expect(BigInt(t0.result)).toBeLessThan(BigInt(t1.result));
    expect(await call(WETH, '0x313ce567')).toMatchObject({ result: `0x${'0'.repeat(62)}12` });
    expect(await call(WETH, '0x06fdde03')).toMatchObject({
      error: { code: 3, message: 'execution reverted' },
    });
  });
});
