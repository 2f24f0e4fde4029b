import { decodeLog, EventTopics } from '@tidemark/domain';
import { pino } from 'pino';
import {
  createPublicClient,
  createWalletClient,
  erc20Abi,
  http,
  numberToHex,
  type Address,
  type Hex,
  type Log,
  type PublicClient,
} from 'viem';
import { eventually as pollUntil } from '@tidemark/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catchUpWithWallClock,
  deployMarket,
  startDevnetChain,
  startSimulator,
  type DevnetChain,
  type MarketDeployment,
  type MarketSimulator,
} from '../src/index';

const logger = pino({ level: 'warn', base: { service: 'devnet-test' } });

let chainA: DevnetChain;
let chainB: DevnetChain;
let market: MarketDeployment;
let simulator: MarketSimulator;
let client: PublicClient;

/** Polls until `read` returns a value that passes `done`, or fails with `what` at the deadline. */
async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const found = await pollUntil(
    what,
    async () => {
      const value = await read();
      return done(value) ? { value } : undefined;
    },
    { timeoutMs, intervalMs: 200 },
  );
  return found.value;
}

function marketLogs(topic0: string): Promise<Log[]> {
  const addresses = [market.factory, ...market.pairs.map((pair) => pair.address)];
  const filter = {
    address: addresses,
    topics: [topic0 as Hex],
    fromBlock: numberToHex(market.startBlock),
    toBlock: 'latest' as const,
  };
  return client.request({ method: 'eth_getLogs', params: [filter] });
}

function asRawLog(log: Log) {
  return {
    address: log.address,
    topics: log.topics,
    data: log.data,
    blockNumber: Number(log.blockNumber),
    blockHash: log.blockHash!,
    transactionHash: log.transactionHash!,
    logIndex: Number(log.logIndex),
  };
}

beforeAll(async () => {
  [chainA, chainB] = await Promise.all([
    startDevnetChain({ chainId: 31337, blockTimeMs: 500, logger }),
    startDevnetChain({ chainId: 31338, blockTimeMs: 500, logger }),
  ]);
  market = await deployMarket(chainA.rpcUrl, { logger });
  client = createPublicClient({ transport: http(chainA.rpcUrl) });
  simulator = startSimulator({
    rpcUrl: chainA.rpcUrl,
    deployment: market,
    tradesPerBlock: 8,
    seed: 7,
    logger,
  });
  await simulator.ready;
}, 60_000);

afterAll(async () => {
  await simulator?.stop();
  await Promise.all([chainA?.stop(), chainB?.stop()]);
});

describe('devnet', () => {
  // How long starting and deploying take is measured by `npm run bench:devnet`, not asserted.
  it('starts and deploys every contract of the market', async () => {
    const contracts = [
      market.factory,
      market.router,
      market.weth,
      market.v3Factory,
      market.multicall3,
      ...[...market.tokens, ...market.pairs, ...market.v3Pools].map((c) => c.address),
      ...market.oddTokens.map((token) => token.address),
    ];
    for (const address of contracts)
      expect((await client.getCode({ address }))?.length ?? 0, address).toBeGreaterThan(2);
    expect(BigInt(market.startBlock)).toBeLessThanOrEqual(
      await client.getBlockNumber({ cacheTime: 0 }),
    );
  });

  it('creates every pair with the Uniswap V2 PairCreated event, token0 below token1', async () => {
    const logs = await marketLogs(EventTopics.pairCreated);
    expect(logs).toHaveLength(market.pairs.length);
    for (const log of logs) {
      const decoded = decodeLog(asRawLog(log));
      if (decoded?.kind !== 'pairCreated')
        throw new Error(`expected a PairCreated log, got ${decoded?.kind}`);
      expect(decoded.factory).toBe(market.factory.toLowerCase());
      expect(BigInt(decoded.token0)).toBeLessThan(BigInt(decoded.token1));
      const pair = market.pairs.find(
        (candidate) => candidate.address.toLowerCase() === decoded.pair,
      );
      expect(pair?.token0.toLowerCase()).toBe(decoded.token0);
    }
  });

  it('mines router swaps sent by trader wallets, with Sync logs', async () => {
    const swaps = await eventually(
      'five mined swaps',
      () => marketLogs(EventTopics.swapV2),
      (logs) => logs.length >= 5,
    );
    const syncs = await marketLogs(EventTopics.syncV2);
    expect(syncs.length).toBeGreaterThan(swaps.length);
    const deployerAndRouter = [market.deployer, market.router].map((address) =>
      address.toLowerCase(),
    );
    const accounts = await createWalletClient({ transport: http(chainA.rpcUrl) }).getAddresses();
    const traders = accounts.slice(1).map((address) => address.toLowerCase());
    for (const log of swaps.slice(0, 5)) {
      expect(log.topics[0]).toBe(EventTopics.swapV2);
      const decoded = decodeLog(asRawLog(log));
      if (decoded?.kind !== 'swapV2') throw new Error(`expected a Swap log, got ${decoded?.kind}`);
      expect(decoded.sender).toBe(market.router.toLowerCase());
      const transaction = await client.getTransaction({ hash: log.transactionHash! });
      expect(transaction.to?.toLowerCase()).toBe(market.router.toLowerCase());
      expect(deployerAndRouter).not.toContain(transaction.from.toLowerCase());
      expect(traders).toContain(transaction.from.toLowerCase());
    }
    expect(simulator.stats().trades).toBeGreaterThanOrEqual(5);
  });

  it('creates V3-style pools with the exact PoolCreated and trades them with the exact V3 Swap', async () => {
    const logsOf = (address: Address[], topic0: string): Promise<Log[]> =>
      client.request({
        method: 'eth_getLogs',
        params: [
          {
            address,
            topics: [topic0 as Hex],
            fromBlock: numberToHex(market.startBlock),
            toBlock: 'latest',
          },
        ],
      });
    const created = await logsOf([market.v3Factory], EventTopics.poolCreatedV3);
    expect(created).toHaveLength(market.v3Pools.length);
    for (const log of created) {
      const decoded = decodeLog(asRawLog(log));
      if (decoded?.kind !== 'poolCreatedV3')
        throw new Error(`expected PoolCreated, got ${decoded?.kind}`);
      const pool = market.v3Pools.find((p) => p.address.toLowerCase() === decoded.pool);
      expect(decoded).toMatchObject({
        factory: market.v3Factory.toLowerCase(),
        token0: pool?.token0.toLowerCase(),
        token1: pool?.token1.toLowerCase(),
        fee: pool?.fee,
        tickSpacing: pool?.fee === 500 ? 10 : 60,
      });
    }
    const pools = market.v3Pools.map((p) => p.address);
    const swaps = await eventually(
      'three V3 swaps',
      () => logsOf(pools, EventTopics.swapV3),
      (logs) => logs.length >= 3,
      60_000,
    );
    for (const log of swaps) {
      const decoded = decodeLog(asRawLog(log));
      if (decoded?.kind !== 'swapV3') throw new Error(`expected a V3 Swap, got ${decoded?.kind}`);
      // One side paid in (positive), the other paid out (negative), as V3 reports it.
      expect(decoded.amount0 > 0n).toBe(decoded.amount1 < 0n);
      expect(decoded.amount0 * decoded.amount1).toBeLessThan(0n);
      expect(decoded.sqrtPriceX96).toBeGreaterThan(0n);
      expect(decoded.liquidity).toBeGreaterThan(0n);
      const transaction = await client.getTransaction({ hash: log.transactionHash! });
      expect(decoded.sender).toBe(transaction.from.toLowerCase());
    }
    // WETH/USDC near 3000 USD: raw price 3000e6/1e18 (or its inverse if USDC sorts first), whose
    // log base 1.0001 is -196,256.
    const wethUsdc = market.v3Pools.find((p) => p.fee === 500)!;
    const last = swaps
      .filter((l) => l.address.toLowerCase() === wethUsdc.address.toLowerCase())
      .at(-1);
    if (last) {
      const d = decodeLog(asRawLog(last));
      if (d?.kind !== 'swapV3') throw new Error('expected a V3 Swap');
      const expectedTick = wethUsdc.symbol0 === 'WETH' ? -196_256 : 196_256;
      expect(Math.abs(d.tick - expectedTick)).toBeLessThan(3_000);
    }
  });

  it('has a 6-decimal USDC and the other tokens with their decimals', async () => {
    const decimalsOf = (address: Address) =>
      client.readContract({ address, abi: erc20Abi, functionName: 'decimals' });
    const usdc = market.tokens.find((token) => token.symbol === 'USDC')!;
    expect(await decimalsOf(usdc.address)).toBe(6);
    expect(
      await client.readContract({ address: usdc.address, abi: erc20Abi, functionName: 'symbol' }),
    ).toBe('USDC');
    for (const token of market.tokens) expect(await decimalsOf(token.address)).toBe(token.decimals);
  });

  it('runs two chains with different ids side by side', async () => {
    const clientB = createPublicClient({ transport: http(chainB.rpcUrl) });
    expect(chainA.rpcUrl).not.toBe(chainB.rpcUrl);
    expect(await client.getChainId()).toBe(31337);
    expect(await clientB.getChainId()).toBe(31338);
    const first = await clientB.getBlockNumber({ cacheTime: 0 });
    await eventually(
      'a new block on the second chain',
      () => clientB.getBlockNumber({ cacheTime: 0 }),
      (block) => block > first,
      10_000,
    );
  });
});

describe('a chain started in the past', () => {
  it('starts startSecondsAgo behind the wall clock and catches up to now', async () => {
    const chain = await startDevnetChain({ chainId: 31339, startSecondsAgo: 3600, logger });
    try {
      const past = createPublicClient({ transport: http(chain.rpcUrl) });
      const nowSeconds = () => BigInt(Math.floor(Date.now() / 1000));
      const genesis = await past.getBlock({ blockNumber: 0n });
      expect(Number(nowSeconds() - genesis.timestamp)).toBeGreaterThanOrEqual(3590);
      // catchUpWithWallClock gives the next block the clock's reading it takes during the call.
      const before = nowSeconds();
      await catchUpWithWallClock(chain.rpcUrl);
      const after = nowSeconds();
      const reached = await eventually(
        'a block at the wall clock',
        () => past.getBlock({ blockTag: 'latest' }),
        (block) => block.timestamp >= before,
        10_000,
      );
      // The first such block: its parent was still an hour behind, and it carries that reading.
      let caught = reached;
      let parent = await past.getBlock({ blockNumber: caught.number - 1n });
      while (parent.timestamp >= before) {
        caught = parent;
        parent = await past.getBlock({ blockNumber: caught.number - 1n });
      }
      expect(Number(before - parent.timestamp)).toBeGreaterThanOrEqual(3590);
      expect(caught.timestamp).toBeGreaterThanOrEqual(before);
      expect(caught.timestamp).toBeLessThanOrEqual(after);
      // Interval mining goes on from there, each block later than the one before.
      await eventually(
        'the block after it',
        () => past.getBlockNumber({ cacheTime: 0 }),
        (number) => number > caught.number,
        10_000,
      );
      const following = await past.getBlock({ blockNumber: caught.number + 1n });
      expect(following.timestamp).toBeGreaterThan(caught.timestamp);
    } finally {
      await chain.stop();
    }
  });
});
