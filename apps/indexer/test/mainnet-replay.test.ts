import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessBus, createKafkaBus } from '@tidemark/bus';
import { createOlapStore, createOltpStore } from '@tidemark/db';
import {
  startKafka,
  startPostgres,
  type KafkaBroker,
  type PostgresServer,
} from '@tidemark/testkit';
import type { TradeExecutedV1 } from '@tidemark/schema';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { expectedErc20Transfers, expectedTrades } from './support/replay-rpc/expected-trades';
import { mainnetSlices, num } from './support/replay-rpc/fixture-slice';
import { startReplayRpc, type ReplayRpcServer } from './support/replay-rpc/replay-server';
import { replaySlice, type ReplayResult, type ReplayStores } from './support/replay-rpc/run-replay';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-replay-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function replayServer(slice: string): Promise<ReplayRpcServer> {
  const server = await startReplayRpc(slice);
  cleanups.push(() => server.stop());
  return server;
}

async function embeddedStores(): Promise<ReplayStores> {
  const dataDir = freshDataDir();
  const oltp = await createOltpStore({ dataDir });
  const olap = await createOlapStore({ dataDir });
  const bus = createInProcessBus({ logger });
  cleanups.push(async () => {
    await bus.close();
    await olap.close();
    await oltp.close();
  });
  return { bus, oltp, olap };
}

/** Checks everything the indexer stored for a slice against the reference data. */
function expectSliceIndexed(server: ReplayRpcServer, result: ReplayResult): void {
  const { slice } = server;
  const last = slice.blocks.at(-1);
  expect(result.cursor).toEqual({
    chainId: 1,
    blockNumber: slice.lastBlock,
    blockHash: last?.hash,
  });

  const transfers = result.transfers.map(
    (t) => `${t.txHash}:${t.logIndex}:${t.token}:${t.from}:${t.to}:${t.value}`,
  );
  const wantedTransfers = expectedErc20Transfers(slice);
  expect(wantedTransfers.length).toBeGreaterThan(250);
  expect(transfers.sort()).toEqual(wantedTransfers.sort());

  const wanted = expectedTrades(slice);
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  const stored = result.trades.map((t) => ({
    key: `${t.txHash}:${t.logIndex}`,
    protocol: t.protocol,
    pool: t.pool,
    trader: t.trader,
    tokenIn: t.tokenIn,
    tokenOut: t.tokenOut,
    amountIn: t.amountIn,
    amountOut: t.amountOut,
    // Each trade carries its transaction's receipt figures, stored and read back exactly.
    gasUsed: t.gasUsed,
    effectiveGasPrice: t.effectiveGasPrice,
  }));
  const withoutState = wanted.map(({ sqrtPriceX96: _p, liquidity: _l, tick: _t, ...rest }) => rest);
  expect(stored.sort(byKey)).toEqual(withoutState.sort(byKey));
  // The published events also carry each V3 swap's pool state, exactly as the log states it.
  const published = result.published.map((t) => ({
    key: `${t.txHash}:${t.logIndex}`,
    protocol: t.protocol,
    pool: t.pool,
    trader: t.trader,
    tokenIn: t.tokenIn,
    tokenOut: t.tokenOut,
    amountIn: t.amountIn,
    amountOut: t.amountOut,
    gasUsed: t.gasUsed,
    effectiveGasPrice: t.effectiveGasPrice,
    ...(t.protocol === 'uniswap-v3'
      ? { sqrtPriceX96: t.sqrtPriceX96, liquidity: t.liquidity, tick: t.tick }
      : {}),
  }));
  expect(published.sort(byKey)).toEqual(wanted.sort(byKey));

  // Independent of how the pool's tokens were worked out: in each trade's transaction the pool
  // received tokenIn and sent tokenOut. Amounts match the transfers exactly except for tokens that
  // take a fee on transfer, whose Transfer shows less than the pool accounted for.
  const moved = (t: TradeExecutedV1, token: string, side: 'from_address' | 'to_address') =>
    slice.transfers.filter(
      (x) => x.transaction_hash === t.txHash && x[side] === t.pool && x.token_address === token,
    );
  let exact = 0;
  for (const t of result.trades) {
    const key = `${t.txHash}:${t.logIndex}`;
    expect(moved(t, t.tokenIn, 'to_address').length, `${key} receives tokenIn`).toBeGreaterThan(0);
    const out = moved(t, t.tokenOut, 'from_address');
    expect(out.length, `${key} pays tokenOut`).toBeGreaterThan(0);
    if (out.some((x) => String(x.value) === t.amountOut)) exact += 1;
  }
  expect(exact / result.trades.length).toBeGreaterThan(0.9);
  expect(wanted.filter((t) => t.protocol === 'uniswap-v3').length).toBeGreaterThanOrEqual(10);
  const timestamps = new Map(slice.blocks.map((b) => [num(b.number), num(b.timestamp)]));
  for (const t of result.trades) expect(t.timestamp).toBe(timestamps.get(t.blockNumber));
}

describe('the indexer on replayed Ethereum mainnet blocks (PGlite, chDB, in-process bus)', () => {
  it.each(mainnetSlices)('stores exactly the transfers and trades of %s', async (sliceName) => {
    const server = await replayServer(sliceName);
    const result = await replaySlice(server, await embeddedStores(), logger);
    expectSliceIndexed(server, result);
    expect(result.trades.length).toBe(sliceName === mainnetSlices[0] ? 34 : 79);
    // A pool's tokens came from eth_call, the only place the replay gives them.
    expect(server.calls.get('eth_call') ?? 0).toBeGreaterThan(0);
    // Traders and gas came from receipts, read for every transaction with a swap.
    const swapTxs = new Set(result.trades.map((t) => t.txHash));
    expect(server.calls.get('eth_getTransactionReceipt')).toBeGreaterThanOrEqual(swapTxs.size);
    expect(server.calls.get('eth_getTransactionByHash')).toBeUndefined();
  });
});

describe('the indexer on replayed mainnet blocks in server mode (Kafka, PostgreSQL)', () => {
  let kafka: KafkaBroker | undefined;
  let postgres: PostgresServer | undefined;
  afterAll(async () => {
    await kafka?.stop();
    await postgres?.stop();
  }, 60_000);

  it('stores exactly the transfers and trades of the two-block slice', async () => {
    [kafka, postgres] = await Promise.all([startKafka(), startPostgres()]);
    const server = await replayServer(mainnetSlices[1]);
    const dataDir = freshDataDir();
    const oltp = await createOltpStore({ databaseUrl: postgres.url, dataDir });
    const olap = await createOlapStore({ dataDir });
    const bus = await createKafkaBus({ brokers: kafka.brokers, clientId: 'replay', logger });
    cleanups.push(async () => {
      await bus.close();
      await olap.close();
      await oltp.close();
    });
    expectSliceIndexed(server, await replaySlice(server, { bus, oltp, olap }, logger));
  }, 180_000);
});
