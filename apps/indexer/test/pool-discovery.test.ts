import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessBus } from '@tidemark/bus';
import { createOlapStore, createOltpStore } from '@tidemark/db';
import {
  deployMarket,
  MULTICALL3_ADDRESS,
  startDevnetChain,
  startSimulator,
  type MarketDeployment,
} from '@tidemark/devnet';
import { EventTopics, Topics, type OlapStore, type OltpStore } from '@tidemark/domain';
import type { TradeExecutedV1, TransferV1 } from '@tidemark/schema';
import { eventually } from '@tidemark/testkit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ChainConfig, startIndexer } from '../src/index';
import { createBatchReads } from '../src/adapters/metadata/batch-reads';
import { createRpcChainReader } from '../src/adapters/chain/rpc-chain-reader';
import { createTokenMetadataReader } from '../src/adapters/metadata/token-metadata-reader';
import { blockNumber } from './support/chain-truth';
import { deployStrangerPool } from './support/stranger-pool';

const CHAIN_ID = 31402;
const lower = (a: string) => a.toLowerCase();

interface SwapLog {
  key: string;
  pool: string;
  blockNumber: number;
}

async function swapLogs(rpcUrl: string, toBlock: number): Promise<SwapLog[]> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'eth_getLogs',
      params: [
        {
          fromBlock: '0x0',
          toBlock: `0x${toBlock.toString(16)}`,
          topics: [[EventTopics.swapV2, EventTopics.swapV3]],
        },
      ],
    }),
  });
  const { result } = (await response.json()) as {
    result: { address: string; transactionHash: string; logIndex: string; blockNumber: string }[];
  };
  return result.map((l) => ({
    key: `${lower(l.transactionHash)}:${Number(BigInt(l.logIndex))}`,
    pool: lower(l.address),
    blockNumber: Number(BigInt(l.blockNumber)),
  }));
}

interface Run {
  oltp: OltpStore;
  trades: TradeExecutedV1[];
  transfers: TransferV1[];
}

describe('pool discovery on a devnet chain', () => {
  let chain: Awaited<ReturnType<typeof startDevnetChain>>;
  let deployment: MarketDeployment;
  let stranger: string;
  let afterMarket: number;
  let target: number;
  let swaps: SwapLog[];
  let olap: OlapStore;
  const dirs: string[] = [];
  const stores: OltpStore[] = [];

  /** Runs the ingest role over [startBlock, target] and collects the trades it publishes. */
  async function ingest(chainConfig: Record<string, unknown>): Promise<Run> {
    const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-pools-'));
    dirs.push(dataDir);
    const oltp = await createOltpStore({ dataDir });
    stores.push(oltp);
    const bus = createInProcessBus();
    const trades: TradeExecutedV1[] = [];
    const transfers: TransferV1[] = [];
    await bus.subscribe({
      topic: Topics.chainEvents,
      handler: (events) => {
        for (const e of events) {
          if (e.type === 'TradeExecutedV1') trades.push(e);
          if (e.type === 'TransferV1') transfers.push(e);
        }
        return Promise.resolve();
      },
    });
    const config = ChainConfig.parse({
      id: CHAIN_ID,
      name: 'poolnet',
      rpcUrl: chain.rpcUrl,
      pollIntervalMs: 100,
      maxBlockRange: 25,
      confirmations: 0,
      requestTimeoutMs: 30_000,
      ...chainConfig,
    });
    const logger = pino({ level: 'warn' });
    const indexer = await startIndexer({
      chains: [config],
      roles: ['ingest'],
      bus,
      oltp,
      olap,
      logger,
    });
    try {
      await eventually(
        `ingest reaches block ${target}`,
        async () => ((await oltp.getCursor(CHAIN_ID))?.blockNumber ?? -1) >= target,
        { timeoutMs: 90_000, intervalMs: 100 },
      );
    } finally {
      await indexer.stop();
      await bus.close();
    }
    return { oltp, trades: trades.filter((t) => t.blockNumber <= target), transfers };
  }

  const factories = () => [
    { address: deployment.factory, protocol: 'uniswap-v2', fromBlock: deployment.startBlock },
  ];
  const pairAddresses = () => deployment.pairs.map((p) => lower(p.address)).sort();

  beforeAll(async () => {
    const olapDir = mkdtempSync(join(tmpdir(), 'tidemark-pools-olap-'));
    dirs.push(olapDir);
    olap = await createOlapStore({ dataDir: olapDir });
    chain = await startDevnetChain({ chainId: CHAIN_ID, blockTimeMs: 100 });
    deployment = await deployMarket(chain.rpcUrl);
    afterMarket = (await blockNumber(chain.rpcUrl)) + 1;
    stranger = lower((await deployStrangerPool(chain.rpcUrl, deployment, 2)).address);
    const simulator = startSimulator({ rpcUrl: chain.rpcUrl, deployment, seed: 11 });
    // Count what the chain mined through the factory's pairs, not what the simulator sent.
    await eventually(
      '10 factory-pair swaps on the chain',
      async () => {
        const pairs = new Set(pairAddresses());
        const mined = await swapLogs(chain.rpcUrl, await blockNumber(chain.rpcUrl));
        return mined.filter((s) => pairs.has(s.pool) && s.blockNumber >= afterMarket).length >= 10;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    await simulator.stop();
    target = await blockNumber(chain.rpcUrl);
    swaps = await swapLogs(chain.rpcUrl, target);
  }, 180_000);

  afterAll(async () => {
    for (const store of stores) await store.close();
    await olap?.close();
    await chain?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('factory mode indexes exactly the factory pools, found before the start block', async () => {
    expect(swaps.filter((s) => s.pool === stranger)).toHaveLength(2);
    const { oltp, trades, transfers } = await ingest({
      startBlock: afterMarket,
      mode: 'factory',
      factories: factories(),
    });
    const pairs = new Set(pairAddresses());
    const expected = swaps.filter((s) => pairs.has(s.pool) && s.blockNumber >= afterMarket);
    expect(expected.length).toBeGreaterThanOrEqual(10);
    expect(trades.map((t) => `${t.txHash}:${t.logIndex}`).sort()).toEqual(
      expected.map((s) => s.key).sort(),
    );
    // Transfers are indexed whatever the pool: here the tokens paid into the stranger.
    expect(transfers.filter((t) => t.to === stranger).length).toBeGreaterThanOrEqual(4);
    const pools = await oltp.getPools(CHAIN_ID);
    expect(pools.map((p) => p.address)).toEqual(pairAddresses());
    for (const p of pools) {
      expect(p).toMatchObject({ verified: true, factory: lower(deployment.factory) });
      // Created before the start block: found by the factory scan, with their creation block.
      expect(p.createdBlock).toBeLessThan(afterMarket);
    }
  });

  it('open mode indexes every pool and marks the stranger unverified', async () => {
    const { oltp, trades } = await ingest({
      startBlock: deployment.startBlock,
      mode: 'open',
      factories: factories(),
    });
    const expected = swaps.filter((s) => s.blockNumber >= deployment.startBlock);
    expect(trades.map((t) => `${t.txHash}:${t.logIndex}`).sort()).toEqual(
      expected.map((s) => s.key).sort(),
    );
    expect(trades.filter((t) => t.pool === stranger)).toHaveLength(2);
    const pools = await oltp.getPools(CHAIN_ID);
    const stored = new Set(pools.map((p) => p.address));
    for (const address of [...pairAddresses(), ...expected.map((s) => s.pool)])
      expect(stored).toContain(address);
    expect(pools.find((p) => p.address === stranger)).toMatchObject({
      verified: false,
      factory: null,
      createdBlock: null,
    });
    expect(pools.filter((p) => p.verified).map((p) => p.address)).toEqual(pairAddresses());

    const tokens = new Map((await oltp.getTokens(CHAIN_ID)).map((t) => [t.address, t]));
    for (const t of deployment.tokens)
      expect(tokens.get(lower(t.address))).toMatchObject({
        symbol: t.symbol,
        name: t.name,
        decimals: t.decimals,
      });
    const [bytes32, noDecimals] = deployment.oddTokens;
    expect(tokens.get(lower(bytes32!.address))).toMatchObject({
      symbol: 'B32',
      name: 'Bytes32 Token',
      decimals: 9,
    });
    expect(tokens.get(lower(noDecimals!.address))).toMatchObject({
      symbol: 'NODEC',
      name: null,
      decimals: null,
    });
    // The pools' own LP tokens are transferred too, so they are described as well.
    expect(tokens.get(stranger)).toMatchObject({ symbol: 'DEX-LP', decimals: 18 });
  });

  it('reads the same metadata with and without a Multicall3 on the chain', async () => {
    const reader = createRpcChainReader({
      chainId: CHAIN_ID,
      rpcUrls: [chain.rpcUrl],
      pollIntervalMs: 500,
      maxBlockRange: 2000,
      maxConcurrency: 4,
      requestTimeoutMs: 10_000,
      logger: pino({ level: 'silent' }),
    });
    onTestFinished(() => reader.close());
    const caller = reader.contracts;
    expect(await caller.hasCode(MULTICALL3_ADDRESS)).toBe(true);
    const noMulticall = '0x000000000000000000000000000000000000dead';
    expect(await caller.hasCode(noMulticall)).toBe(false);
    const addresses = [
      ...deployment.oddTokens.map((t) => t.address),
      ...deployment.tokens.map((t) => t.address),
      noMulticall,
    ];
    const viaMulticall = await createTokenMetadataReader(
      CHAIN_ID,
      createBatchReads(caller, MULTICALL3_ADDRESS),
    ).readTokens(addresses);
    const plain = await createTokenMetadataReader(
      CHAIN_ID,
      createBatchReads(caller, noMulticall),
    ).readTokens(addresses);
    expect(plain).toEqual(viaMulticall);
    expect(viaMulticall.map((t) => t.symbol)).toEqual([
      'B32',
      'NODEC',
      ...deployment.tokens.map((t) => t.symbol),
      null,
    ]);
    expect(viaMulticall.at(-1)).toMatchObject({ name: null, decimals: null });
  });
});
