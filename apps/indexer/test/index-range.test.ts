import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployMarket, startDevnetChain, startSimulator } from '@tidemark/devnet';
import { createOlapStore, createOltpStore } from '@tidemark/db';
import type { OlapStore, TradeCursor } from '@tidemark/domain';
import { eventually, spawnWithLines } from '@tidemark/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockNumber, readChainTruth, rpc, type ChainTruth } from './support/chain-truth';

interface Receipt {
  from: string;
  gasUsed: string;
  effectiveGasPrice: string;
}

interface StoredTrade {
  key: string;
  txHash: string;
  protocol: string;
  trader: string;
  gasUsed?: string;
  effectiveGasPrice?: string;
}

async function allTrades(olap: OlapStore): Promise<StoredTrade[]> {
  const out: StoredTrade[] = [];
  let after: TradeCursor | undefined;
  for (;;) {
    const page = await olap.queryTrades({ chainId: CHAIN_ID }, 200, after);
    out.push(
      ...page.trades.map((t) => ({
        key: `${t.txHash}:${t.logIndex}`,
        txHash: t.txHash,
        protocol: t.protocol,
        trader: t.trader,
        gasUsed: t.gasUsed,
        effectiveGasPrice: t.effectiveGasPrice,
      })),
    );
    const last = page.trades.at(-1);
    if (!page.hasNextPage || !last) return out;
    after = {
      timestamp: last.timestamp,
      chainId: CHAIN_ID,
      blockNumber: last.blockNumber,
      logIndex: last.logIndex,
    };
  }
}

const appDir = fileURLToPath(new URL('..', import.meta.url));
const CHAIN_ID = 31411;

describe('npm run index-range', () => {
  let chain: Awaited<ReturnType<typeof startDevnetChain>>;
  let dataDir: string;
  let target: number;
  let truth: ChainTruth;

  // Only the embedded stores: settings of a server-mode run must not leak in.
  const { DATABASE_URL: _d, CLICKHOUSE_URL: _c, KAFKA_BROKERS: _k, ...baseEnv } = process.env;
  const run = (args: string[]) =>
    spawnWithLines(process.execPath, ['--import', 'tsx', 'src/cli/index-range.ts', ...args], {
      cwd: appDir,
      env: { ...baseEnv, TIDEMARK_DATA_DIR: dataDir },
    });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tidemark-index-range-'));
    chain = await startDevnetChain({ chainId: CHAIN_ID, blockTimeMs: 100 });
    const deployment = await deployMarket(chain.rpcUrl);
    const simulator = startSimulator({ rpcUrl: chain.rpcUrl, deployment, seed: 11 });
    await eventually('20 swaps on the chain', () => simulator.stats().trades >= 20, {
      timeoutMs: 90_000,
      intervalMs: 250,
    });
    await simulator.stop();
    target = await blockNumber(chain.rpcUrl);
    truth = await readChainTruth(chain.rpcUrl, target);
  }, 180_000);

  afterAll(async () => {
    await chain?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('indexes the range into the configured stores, prints a summary and exits 0', async () => {
    const rpcArgs = ['--rpc', chain.rpcUrl, '--chain-id', String(CHAIN_ID)];
    const proc = run([...rpcArgs, '--from', '0', '--to', String(target), '--max-block-range', '7']);
    expect(await proc.exited).toBe(0);
    expect(proc.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^indexed chain ${CHAIN_ID} blocks 0\\.\\.${target}: `)),
    );
    const oltp = await createOltpStore({ dataDir });
    const olap = await createOlapStore({ dataDir });
    try {
      expect((await oltp.getCursor(CHAIN_ID))?.blockNumber).toBe(target);
      const trades = await allTrades(olap);
      expect(trades.length).toBe(new Set(trades.map((t) => t.key)).size); // no duplicate
      const v2 = trades.filter((t) => t.protocol === 'uniswap-v2').map((t) => t.key);
      expect(new Set(v2)).toEqual(truth.swaps); // every V2 swap, no gap
      // Each trade's trader and gas are its transaction's, as the node's receipt says.
      for (const t of trades) {
        const receipt = await rpc<Receipt>(chain.rpcUrl, 'eth_getTransactionReceipt', [t.txHash]);
        expect(t, t.key).toMatchObject({
          trader: receipt.from.toLowerCase(),
          gasUsed: BigInt(receipt.gasUsed).toString(),
          effectiveGasPrice: BigInt(receipt.effectiveGasPrice).toString(),
        });
      }
      const transfers = (await olap.listTransfers(CHAIN_ID)).map(
        (t) => `${t.txHash}:${t.logIndex}`,
      );
      expect(new Set(transfers)).toEqual(truth.transfers);
      expect(transfers).toHaveLength(truth.transfers.size);
    } finally {
      await olap.close();
      await oltp.close();
    }
  }, 240_000);

  it('refuses a range whose end is below its start, naming the flag', async () => {
    const proc = run(['--rpc', chain.rpcUrl, '--chain-id', '1', '--from', '9', '--to', '3']);
    expect(await proc.exited).toBe(1);
    expect(proc.lines.join('\n')).toMatch(/--to must not be below --from/);
  }, 60_000);
});
