import {
  deployMarket,
  startDevnetChain,
  startSimulator,
  type MarketSimulator,
} from '@tidemark/devnet';
import { eventually, freePort } from '@tidemark/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockNumber, readChainTruth } from './support/chain-truth';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { indexUpToNow as indexChainUpToNow } from './support/index-up-to-now';

const CHAIN_ID = 31402;

describe('the indexer behind misbehaving RPC endpoints', () => {
  let chain: Awaited<ReturnType<typeof startDevnetChain>>;
  let simulator: MarketSimulator;
  const proxies: FaultProxy[] = [];

  beforeAll(async () => {
    chain = await startDevnetChain({ chainId: CHAIN_ID, blockTimeMs: 400 });
    const deployment = await deployMarket(chain.rpcUrl);
    // The market keeps trading while the faults hit: ingest meets them on ranges full of logs.
    simulator = startSimulator({ rpcUrl: chain.rpcUrl, deployment, seed: 11 });
    await eventually(
      '10 swaps on the chain',
      async () => {
        const truth = await readChainTruth(chain.rpcUrl, await blockNumber(chain.rpcUrl));
        return truth.swaps.size + truth.v3Swaps.size >= 10;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  }, 120_000);

  afterAll(async () => {
    await simulator?.stop();
    for (const p of proxies) await p.close();
    await chain?.stop();
  });

  const proxy = async (lagBlocks = 0) => {
    const p = await startFaultProxy(chain.rpcUrl, { lagBlocks });
    proxies.push(p);
    return p;
  };

  const indexUpToNow = (settings: Record<string, unknown>) =>
    indexChainUpToNow({ chainId: CHAIN_ID, truthUrl: chain.rpcUrl, settings });

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
    p.inject({ kind: 'server-error', status: 502 }, { method: 'eth_getTransactionReceipt' });
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
    // The whole chain is "near the head" here, where every block's bloom is checked; history
    // (below bloomCheckDepth) trusts empty answers, see rpc-faults-history.test.ts.
    const lines = await indexUpToNow({ rpcUrl: p.url, bloomCheckDepth: 1_000_000 });
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
