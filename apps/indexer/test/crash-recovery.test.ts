import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deployMarket, startDevnetChain, startSimulator } from '@tidemark/devnet';
import { createOlapStore, createOltpStore } from '@tidemark/db';
import type { TradeCursor } from '@tidemark/domain';
import { eventually, spawnWithLines, type LineProcess } from '@tidemark/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockNumber, readChainTruth, type ChainTruth } from './support/chain-truth';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const CHAIN_ID = 31401;

interface PublishedLine {
  event?: string;
  toBlock?: number;
}
const parse = (line: string): PublishedLine => {
  try {
    return JSON.parse(line) as PublishedLine;
  } catch {
    return {};
  }
};

describe('the indexer killed with SIGKILL during ingest', () => {
  let chain: Awaited<ReturnType<typeof startDevnetChain>>;
  let dataDir: string;
  let target: number;
  let truth: ChainTruth;
  const procs: LineProcess[] = [];

  const startIndexer = () => {
    const proc = spawnWithLines(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: appDir,
      env: {
        ...process.env,
        TIDEMARK_DATA_DIR: dataDir,
        TIDEMARK_CHAINS: JSON.stringify([
          {
            id: CHAIN_ID,
            name: 'crashnet',
            rpcUrl: chain.rpcUrl,
            maxBlockRange: 2,
            pollIntervalMs: 100,
          },
        ]),
        TIDEMARK_ROLES: 'ingest,sink',
        LOG_LEVEL: 'debug',
      },
    });
    procs.push(proc);
    return proc;
  };
  const reached = (block: number) => (line: string) => {
    const l = parse(line);
    return l.event === 'ingest.range_published' && (l.toBlock ?? -1) >= block;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tidemark-crash-'));
    chain = await startDevnetChain({ chainId: CHAIN_ID, blockTimeMs: 100 });
    const deployment = await deployMarket(chain.rpcUrl);
    const simulator = startSimulator({ rpcUrl: chain.rpcUrl, deployment, seed: 7 });
    // Count what the chain mined, not what the simulator sent: a sent swap may revert.
    await eventually(
      '60 swaps on the chain',
      async () =>
        (await readChainTruth(chain.rpcUrl, await blockNumber(chain.rpcUrl))).swaps.size >= 60,
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    await simulator.stop();
    target = await blockNumber(chain.rpcUrl);
    truth = await readChainTruth(chain.rpcUrl, target);
  }, 180_000);

  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGKILL');
    await chain?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('resumes from its cursor and stores every event exactly once', async () => {
    expect(truth.swaps.size).toBeGreaterThanOrEqual(60);
    const first = startIndexer();
    await first.waitForLine(reached(Math.floor(target / 3)), 120_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const killedAt = Math.max(
      ...first.lines
        .map((l) => parse(l))
        .filter((l) => l.event === 'ingest.range_published')
        .map((l) => l.toBlock ?? 0),
    );
    expect(killedAt).toBeLessThan(target); // killed during ingest, not after it

    const second = startIndexer();
    await second.waitForLine(reached(target), 180_000);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const oltp = await createOltpStore({ dataDir });
    const olap = await createOlapStore({ dataDir });
    try {
      const cursor = await oltp.getCursor(CHAIN_ID);
      expect(cursor?.blockNumber).toBeGreaterThanOrEqual(target);
      const stored: string[] = [];
      let after: TradeCursor | undefined;
      for (;;) {
        const page = await olap.queryTrades({ chainId: CHAIN_ID }, 100, after);
        stored.push(
          ...page.trades
            .filter((t) => t.blockNumber <= target)
            .map((t) => `${t.txHash}:${t.logIndex}`),
        );
        const last = page.trades.at(-1);
        if (!page.hasNextPage || !last) break;
        after = {
          timestamp: last.timestamp,
          chainId: last.chainId,
          blockNumber: last.blockNumber,
          logIndex: last.logIndex,
        };
      }
      expect(stored.length).toBe(new Set(stored).size); // no duplicate
      expect(new Set(stored)).toEqual(new Set([...truth.swaps, ...truth.v3Swaps])); // no gap
      const transfers = (await olap.listTransfers(CHAIN_ID))
        .filter((t) => t.blockNumber <= target)
        .map((t) => `${t.txHash}:${t.logIndex}`);
      expect(transfers.length).toBe(new Set(transfers).size);
      expect(new Set(transfers)).toEqual(truth.transfers);
      const pools = (await oltp.getPools(CHAIN_ID)).map((p) => p.address);
      expect(new Set(pools)).toEqual(truth.pairs);
    } finally {
      await olap.close();
      await oltp.close();
    }
  }, 400_000);
});
