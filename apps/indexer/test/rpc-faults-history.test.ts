import {
  deployMarket,
  startDevnetChain,
  startSimulator,
  type MarketDeployment,
} from '@tidemark/devnet';
import { IndexedTopics, type RawLog } from '@tidemark/domain';
import { eventually } from '@tidemark/testkit';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRpcChainReader, type RpcChainReader } from '../src/adapters/chain/rpc-chain-reader';
import { DEFAULT_BLOOM_CHECK_DEPTH } from '../src/adapters/chain/verified-logs';
import { blockNumber, rpc } from './support/chain-truth';
import { startFaultProxy, type FaultProxy } from './support/fault-proxy';
import type { LogLine } from './support/index-up-to-now';

const CHAIN_ID = 31423;
/** Empty blocks mined at once between the historical trades and the recent ones. */
const MINED = 400;
/** How many of the newest blocks the near-head read asks about: well within the check depth. */
const NEAR_BLOCKS = DEFAULT_BLOOM_CHECK_DEPTH / 2;

/** Trades on the market until `trades` swaps were sent, then stops. */
async function trade(rpcUrl: string, deployment: MarketDeployment, trades: number, seed: number) {
  const simulator = startSimulator({ rpcUrl, deployment, seed });
  await eventually(`${trades} swaps sent`, () => simulator.stats().trades >= trades, {
    timeoutMs: 90_000,
    intervalMs: 100,
  });
  await simulator.stop();
}

/** The node's own answer, straight from it: the logs the reader must return. */
async function truthLogs(url: string, from: number, to: number) {
  const hex = (n: number) => `0x${n.toString(16)}`;
  const logs = await rpc<{ blockNumber: string; transactionHash: string; logIndex: string }[]>(
    url,
    'eth_getLogs',
    [{ fromBlock: hex(from), toBlock: hex(to), topics: [IndexedTopics] }],
  );
  return logs.map((l) => ({
    blockNumber: Number(BigInt(l.blockNumber)),
    key: `${l.transactionHash.toLowerCase()}:${Number(BigInt(l.logIndex))}`,
  }));
}

const keysOf = (logs: readonly RawLog[]) =>
  logs.map((l) => `${l.transactionHash.toLowerCase()}:${l.logIndex}`);

const blocksAsked = (p: FaultProxy) => p.requests.flatMap((r) => r.blocks);

describe('eth_getLogs over deep history and near the head', () => {
  let chain: Awaited<ReturnType<typeof startDevnetChain>>;
  /** Last block of the historical trades; the mined empty blocks follow it. */
  let historyEnd: number;
  /** First block after the mined ones: the recent funding and trades are from here on. */
  let recentFrom: number;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    chain = await startDevnetChain({ chainId: CHAIN_ID, blockTimeMs: 500 });
    const deployment = await deployMarket(chain.rpcUrl);
    await trade(chain.rpcUrl, deployment, 12, 5);
    historyEnd = await blockNumber(chain.rpcUrl);
    await rpc(chain.rpcUrl, 'hardhat_mine', [`0x${MINED.toString(16)}`]);
    recentFrom = (await blockNumber(chain.rpcUrl)) + 1;
    await trade(chain.rpcUrl, deployment, 6, 6);
  }, 180_000);

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  afterAll(async () => {
    await chain?.stop();
  });

  /** A reader of the chain through a fault proxy, with default settings but a 50-block span. */
  async function readerBehindProxy(): Promise<{
    reader: RpcChainReader;
    proxy: FaultProxy;
    lines: LogLine[];
  }> {
    const proxy = await startFaultProxy(chain.rpcUrl);
    const lines: LogLine[] = [];
    const logger = pino(
      { level: 'info', base: { service: 'indexer' } },
      { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    );
    const reader = createRpcChainReader({
      chainId: CHAIN_ID,
      rpcUrls: [proxy.url],
      pollIntervalMs: 100,
      maxBlockRange: 50,
      maxConcurrency: 4,
      requestTimeoutMs: 10_000,
      logger,
    });
    cleanups.push(
      () => proxy.close(),
      () => reader.close(),
    );
    return { reader, proxy, lines };
  }

  it('reads the headers of only the blocks with logs in a range deep below the head', async () => {
    const { reader, proxy } = await readerBehindProxy();
    const head = await reader.getHeadNumber();
    expect(head - historyEnd).toBeGreaterThanOrEqual(DEFAULT_BLOOM_CHECK_DEPTH);

    const logs = await reader.getLogs(0, historyEnd, IndexedTopics);

    const truth = await truthLogs(chain.rpcUrl, 0, historyEnd);
    expect(truth.length).toBeGreaterThanOrEqual(12);
    expect(keysOf(logs)).toEqual(truth.map((l) => l.key)); // every log, in chain order
    const withLogs = [...new Set(truth.map((l) => l.blockNumber))];
    expect(withLogs.length).toBeLessThan(historyEnd + 1); // some blocks of the range have none
    // One eth_getBlockByNumber per block with logs, none for the others.
    expect(blocksAsked(proxy).sort((a, b) => a - b)).toEqual(withLogs);
  });

  it('still checks every block near the head and asks again after an empty answer', async () => {
    const { reader, proxy, lines } = await readerBehindProxy();
    const head = await reader.getHeadNumber();
    // The newest blocks: the recent trades, after the traders' funding (one block per transfer).
    const from = head - NEAR_BLOCKS + 1;
    expect(from).toBeGreaterThanOrEqual(recentFrom);
    // A node that has not caught up answers "no logs" for blocks that have some.
    proxy.inject({ kind: 'empty-logs' }, { method: 'eth_getLogs' });

    const logs = await reader.getLogs(from, head, IndexedTopics);

    const truth = await truthLogs(chain.rpcUrl, from, head);
    expect(truth.length).toBeGreaterThan(0);
    expect(keysOf(logs)).toEqual(truth.map((l) => l.key));
    expect(proxy.pending()).toBe(0);
    expect(proxy.requests.filter((r) => r.fault === 'empty-logs')).toHaveLength(1);
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'rpc.endpoint_demoted', kind: 'inconsistent' }),
    );
    // Near the head every block's header (and bloom) is read, logs or not.
    const asked = new Set(blocksAsked(proxy));
    for (let n = from; n <= head; n += 1) expect(asked.has(n)).toBe(true);
  });
});
