import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OlapStore, TradeCursor } from '@tidemark/domain';
import { eventually } from '@tidemark/testkit';
import pino from 'pino';
import { expect } from 'vitest';
import { ChainConfig } from '../../src/config/chains';
import { startIndexer, type RunningIndexer } from '../../src/start-indexer';
import { openAdapters } from '@tidemark/runtime';
import { blockNumber, readChainTruth } from './chain-truth';

/** The fields of the indexer's JSON log lines the RPC tests look at. */
export interface LogLine {
  event?: string;
  endpoint?: string;
  url?: string;
  kind?: string;
  service?: string;
  chainId?: number;
  msg?: string;
}

export interface IndexUpToNowOptions {
  chainId: number;
  /** The node whose own answers are the truth the stores must match. */
  truthUrl: string;
  /** ChainConfig fields (rpcUrl(s), timeouts, ...) over the test's defaults. */
  settings: Record<string, unknown>;
}

async function storedKeys(olap: OlapStore, chainId: number, upTo: number) {
  const trades: string[] = [];
  let after: TradeCursor | undefined;
  for (;;) {
    const page = await olap.queryTrades({ chainId }, 200, after);
    trades.push(
      ...page.trades.filter((t) => t.blockNumber <= upTo).map((t) => `${t.txHash}:${t.logIndex}`),
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
  const transfers = (await olap.listTransfers(chainId))
    .filter((t) => t.blockNumber <= upTo)
    .map((t) => `${t.txHash}:${t.logIndex}`);
  return { trades, transfers };
}

/**
 * Runs the real indexer (PGlite, chDB, in-process bus) until it stored the chain up to the
 * truth node's current head, checks it stored exactly the chain's swaps and transfers (no gap,
 * no duplicate, nothing else) and returns its log lines.
 */
export async function indexUpToNow(options: IndexUpToNowOptions): Promise<LogLine[]> {
  const { chainId, truthUrl } = options;
  const target = await blockNumber(truthUrl);
  const truth = await readChainTruth(truthUrl, target);
  const swaps = new Set([...truth.swaps, ...truth.v3Swaps]);
  const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-rpc-faults-'));
  const lines: LogLine[] = [];
  const logger = pino(
    { level: 'info', base: { service: 'indexer' } },
    { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
  );
  const adapters = await openAdapters({ dataDir }, logger, 'rpc-faults');
  const config = ChainConfig.parse({
    id: chainId,
    name: 'faultnet',
    pollIntervalMs: 100,
    maxBlockRange: 50,
    requestTimeoutMs: 1_500,
    ...options.settings,
  });
  let running: RunningIndexer | undefined;
  let crash: Error | undefined;
  try {
    running = await startIndexer({
      chains: [config],
      roles: ['ingest', 'sink'],
      ...adapters,
      logger,
    });
    running.done.catch((error: unknown) => (crash = error as Error));
    const stored = await eventually(
      `the stores to hold blocks 0..${target}`,
      async () => {
        if (crash) throw crash;
        const keys = await storedKeys(adapters.olap, chainId, target);
        return (
          keys.trades.length >= swaps.size && keys.transfers.length >= truth.transfers.size && keys
        );
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    expect(swaps.size).toBeGreaterThanOrEqual(10);
    expect(stored.trades.length).toBe(new Set(stored.trades).size); // no duplicate
    expect(new Set(stored.trades)).toEqual(swaps); // no gap
    expect(stored.transfers.length).toBe(new Set(stored.transfers).size);
    expect(new Set(stored.transfers)).toEqual(truth.transfers);
  } finally {
    await running?.stop();
    await adapters.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  expect(crash).toBeUndefined();
  return lines;
}
