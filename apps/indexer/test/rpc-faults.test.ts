import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  deployMarket,
  startDevnetChain,
  startSimulator,
  type MarketSimulator,
} from '@tidemark/devnet';
import { EventTopics, type OlapStore, type TradeCursor } from '@tidemark/domain';
import { eventually, freePort } from '@tidemark/testkit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChainConfig } from '../src/config/chains';
import { startIndexer, type RunningIndexer } from '../src/start-indexer';
import { openAdapters } from '../src/wiring/open-adapters';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';

const CHAIN_ID = 31402;

interface LogLine {
  event?: string;
  endpoint?: string;
  kind?: string;
}

async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return ((await response.json()) as { result: T }).result;
}

const blockNumber = async (url: string) =>
  Number(BigInt(await rpc<string>(url, 'eth_blockNumber', [])));

/** The chain's own answer: every V2 and V3 swap and every ERC-20 transfer up to `toBlock`. */
async function chainTruth(url: string, toBlock: number) {
  const logs = await rpc<{ topics: string[]; transactionHash: string; logIndex: string }[]>(
    url,
    'eth_getLogs',
    [{ fromBlock: '0x0', toBlock: `0x${toBlock.toString(16)}` }],
  );
  const key = (l: (typeof logs)[number]) =>
    `${l.transactionHash.toLowerCase()}:${Number(BigInt(l.logIndex))}`;
  const swapTopics: string[] = [EventTopics.swapV2, EventTopics.swapV3];
  return {
    swaps: new Set(logs.filter((l) => swapTopics.includes(l.topics[0] ?? '')).map(key)),
    transfers: new Set(
      logs.filter((l) => l.topics[0] === EventTopics.transfer && l.topics.length === 3).map(key),
    ),
  };
}

async function storedKeys(olap: OlapStore, upTo: number) {
  const trades: string[] = [];
  let after: TradeCursor | undefined;
  for (;;) {
    const page = await olap.queryTrades({ chainId: CHAIN_ID }, 200, after);
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
  const transfers = (await olap.listTransfers(CHAIN_ID))
    .filter((t) => t.blockNumber <= upTo)
    .map((t) => `${t.txHash}:${t.logIndex}`);
  return { trades, transfers };
}

describe('the indexer behind misbehaving RPC endpoints', () => {
  let chain: Awaited<ReturnType<typeof startDevnetChain>>;
  let simulator: MarketSimulator;
  const proxies: FaultProxy[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    chain = await startDevnetChain({ chainId: CHAIN_ID, blockTimeMs: 400 });
    const deployment = await deployMarket(chain.rpcUrl);
    // The market keeps trading while the faults hit: ingest meets them on ranges full of logs.
    simulator = startSimulator({ rpcUrl: chain.rpcUrl, deployment, seed: 11 });
    await eventually(
      '10 swaps on the chain',
      async () =>
        (await chainTruth(chain.rpcUrl, await blockNumber(chain.rpcUrl))).swaps.size >= 10,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }, 120_000);

  afterAll(async () => {
    await simulator?.stop();
    for (const p of proxies) await p.close();
    await chain?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  const proxy = async (lagBlocks = 0) => {
    const p = await startFaultProxy(chain.rpcUrl, { lagBlocks });
    proxies.push(p);
    return p;
  };

  /** Runs the real indexer (PGlite, chDB, in-process bus) until it stored the chain up to now. */
  async function indexUpToNow(settings: Record<string, unknown>): Promise<LogLine[]> {
    const target = await blockNumber(chain.rpcUrl);
    const truth = await chainTruth(chain.rpcUrl, target);
    const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-rpc-faults-'));
    dirs.push(dataDir);
    const lines: LogLine[] = [];
    const logger = pino(
      { level: 'info', base: { service: 'indexer' } },
      { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    );
    const adapters = await openAdapters({ dataDir }, logger, 'rpc-faults');
    const config = ChainConfig.parse({
      id: CHAIN_ID,
      name: 'faultnet',
      pollIntervalMs: 100,
      maxBlockRange: 50,
      requestTimeoutMs: 1_500,
      ...settings,
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
          const keys = await storedKeys(adapters.olap, target);
          return (
            keys.trades.length >= truth.swaps.size &&
            keys.transfers.length >= truth.transfers.size &&
            keys
          );
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      expect(truth.swaps.size).toBeGreaterThanOrEqual(10);
      expect(stored.trades.length).toBe(new Set(stored.trades).size); // no duplicate
      expect(new Set(stored.trades)).toEqual(truth.swaps); // no gap
      expect(stored.transfers.length).toBe(new Set(stored.transfers).size);
      expect(new Set(stored.transfers)).toEqual(truth.transfers);
    } finally {
      await running?.stop();
      await adapters.close();
    }
    expect(crash).toBeUndefined();
    return lines;
  }

  /** No request reached the proxy from `after` ms to `until` ms after a 429 it answered. */
  const quietAfter429 = (p: FaultProxy, after: number, until: number) => {
    const limited = p.requests.filter((r) => r.fault === 'rate-limit');
    expect(limited.length).toBeGreaterThan(0);
    for (const l of limited) {
      const during = p.requests.filter((r) => r.at > l.at + after && r.at < l.at + until);
      expect(during).toEqual([]);
    }
  };

  it('waits out 429s (Retry-After in seconds or as an HTTP date), 5xx and hung requests', async () => {
    const p = await proxy();
    p.inject({ kind: 'rate-limit', retryAfter: '1' }, { method: 'eth_getLogs' });
    const inTwoSeconds = () => new Date(Date.now() + 2_000).toUTCString();
    p.inject({ kind: 'rate-limit', retryAfter: inTwoSeconds }, { method: 'eth_getBlockByNumber' });
    p.inject({ kind: 'server-error', status: 503 }, { method: 'eth_getLogs', times: 2 });
    p.inject({ kind: 'server-error', status: 502 }, { method: 'eth_getTransactionByHash' });
    p.inject({ kind: 'hang' }, { method: 'eth_getLogs' });
    p.inject({ kind: 'hang' }, { method: 'eth_blockNumber' });
    const lines = await indexUpToNow({ rpcUrl: p.url, requestTimeoutMs: 1_000 });
    expect(p.pending()).toBe(0);
    // Requests already on their way may still land; nothing new is sent until the wait is over.
    quietAfter429(p, 250, 950);
    const kinds = new Set(lines.map((l) => l.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['rate-limited', 'server', 'timeout']));
  });

  it('reads truncated JSON and empty eth_getLogs of blocks whose bloom has the topics as faults', async () => {
    const p = await proxy();
    p.inject({ kind: 'truncate' }, { method: 'eth_getLogs', times: 2 });
    p.inject({ kind: 'truncate' }, { method: 'eth_getBlockByNumber' });
    p.inject({ kind: 'empty-logs' }, { method: 'eth_getLogs', times: 2, skip: 8 });
    const lines = await indexUpToNow({ rpcUrl: p.url });
    expect(p.pending()).toBe(0);
    expect(p.requests.filter((r) => r.fault === 'empty-logs')).toHaveLength(2);
    const kinds = lines.map((l) => l.kind);
    expect(kinds).toContain('malformed');
    expect(kinds).toContain('inconsistent');
  });

  it('fails over from a dead URL and never trusts a lagging one above its head', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const lagging = await proxy(2);
    const live = await proxy();
    const lines = await indexUpToNow({
      rpcUrls: [dead, lagging.url, live.url],
      wsUrl: chain.rpcUrl.replace(/^http/, 'ws'),
    });
    expect(lines.some((l) => l.event === 'rpc.endpoint_demoted' && l.endpoint === dead)).toBe(true);
    expect(lines.some((l) => l.event === 'rpc.new_heads_live')).toBe(true);
    expect(lagging.requests.some((r) => r.methods.includes('eth_getLogs'))).toBe(true);
    expect(lagging.askedAboveHead).toBe(0);
    expect(live.requests.some((r) => r.methods.includes('eth_getLogs'))).toBe(true);
  });
});
