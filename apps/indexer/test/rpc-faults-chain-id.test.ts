import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  deployMarket,
  startDevnetChain,
  startSimulator,
  type DevnetChain,
  type MarketSimulator,
} from '@tidemark/devnet';
import { eventually, spawnWithLines } from '@tidemark/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockNumber, readChainTruth } from './support/chain-truth';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import { indexUpToNow } from './support/index-up-to-now';

const CHAIN_ID = 31421;
/** Another network listed by mistake: same contracts at the same addresses, other trades. */
const OTHER_CHAIN_ID = 31422;

const appDir = fileURLToPath(new URL('..', import.meta.url));

/** A chain with the devnet market trading on it, once it has `swaps` V2 swaps. */
async function tradingChain(chainId: number, seed: number, swaps: number) {
  const chain = await startDevnetChain({ chainId, blockTimeMs: 400 });
  const deployment = await deployMarket(chain.rpcUrl);
  const simulator = startSimulator({ rpcUrl: chain.rpcUrl, deployment, seed });
  await eventually(
    `${swaps} swaps on chain ${chainId}`,
    async () =>
      (await readChainTruth(chain.rpcUrl, await blockNumber(chain.rpcUrl))).swaps.size >= swaps,
    { timeoutMs: 90_000, intervalMs: 250 },
  );
  return { chain, simulator };
}

describe('RPC endpoints of another chain', () => {
  const chains: DevnetChain[] = [];
  const simulators: MarketSimulator[] = [];
  const proxies: FaultProxy[] = [];
  let right: DevnetChain;
  let wrong: DevnetChain;

  beforeAll(async () => {
    const started = await Promise.all([
      tradingChain(CHAIN_ID, 21, 10),
      tradingChain(OTHER_CHAIN_ID, 22, 1),
    ]);
    for (const s of started) {
      chains.push(s.chain);
      simulators.push(s.simulator);
    }
    [right, wrong] = chains as [DevnetChain, DevnetChain];
  }, 180_000);

  afterAll(async () => {
    for (const s of simulators) await s.stop();
    for (const p of proxies) await p.close();
    for (const c of chains) await c.stop();
  });

  const proxy = async (upstream: string) => {
    const p = await startFaultProxy(upstream);
    proxies.push(p);
    return p;
  };

  it('drops a listed URL of another chain and indexes exactly the configured one', async () => {
    const wrongProxy = await proxy(wrong.rpcUrl);
    const rightProxy = await proxy(right.rpcUrl);
    // The wrong URL comes first: by preference alone it would serve every call.
    const lines = await indexUpToNow({
      chainId: CHAIN_ID,
      truthUrl: right.rpcUrl,
      settings: { rpcUrls: [wrongProxy.url, rightProxy.url] },
    });
    // Nothing the indexer asks, contract reads for token metadata included, reaches the wrong
    // chain once it has said which chain it serves.
    const sentToWrong = wrongProxy.requests.flatMap((r) => r.methods);
    expect(sentToWrong).toEqual(['eth_chainId']);
    const sentToRight = new Set(rightProxy.requests.flatMap((r) => r.methods));
    for (const method of ['eth_getLogs', 'eth_getTransactionReceipt', 'eth_call', 'eth_getCode'])
      expect(sentToRight, method).toContain(method);
    const warnings = lines.filter((l) => l.event === 'rpc.wrong_chain');
    expect(warnings).toEqual([
      expect.objectContaining({ service: 'indexer', chainId: CHAIN_ID, url: wrongProxy.url }),
    ]);
    expect(warnings[0]?.msg).toContain(
      `RPC ${wrongProxy.url} serves chain ${OTHER_CHAIN_ID}, configured chain ${CHAIN_ID}`,
    );
  });

  it('stops the indexer with one line when its only URL serves another chain', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-wrong-chain-'));
    // Only the embedded stores: settings of a server-mode run must not leak in.
    const { DATABASE_URL: _d, CLICKHOUSE_URL: _c, KAFKA_BROKERS: _k, ...baseEnv } = process.env;
    const chainsSetting = [{ id: CHAIN_ID, name: 'wrongnet', rpcUrl: wrong.rpcUrl }];
    const proc = spawnWithLines(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: appDir,
      env: {
        ...baseEnv,
        TIDEMARK_DATA_DIR: dataDir,
        TIDEMARK_CHAINS: JSON.stringify(chainsSetting),
        TIDEMARK_ROLES: 'ingest',
        LOG_LEVEL: 'warn',
      },
    });
    try {
      await proc.waitForLine((l) => l.startsWith('tidemark:'), 45_000);
      expect(await proc.exited).toBe(1);
      const failure = proc.lines.filter((l) => l.startsWith('tidemark:'));
      expect(failure).toEqual([
        `tidemark: configuration error: TIDEMARK_CHAINS: chain ${CHAIN_ID} (wrongnet): ` +
          `RPC ${wrong.rpcUrl} serves chain ${OTHER_CHAIN_ID}, configured chain ${CHAIN_ID}`,
      ]);
      // The warning on the way out is a JSON log line with the stable keys.
      const logLines = proc.lines
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(logLines).toContainEqual(
        expect.objectContaining({
          event: 'rpc.wrong_chain',
          service: 'indexer',
          chainId: CHAIN_ID,
          url: wrong.rpcUrl,
        }),
      );
    } finally {
      // An indexer that did not stop (the failure under test) must not outlive the test.
      if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
