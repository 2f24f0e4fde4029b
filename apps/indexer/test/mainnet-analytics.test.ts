import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInProcessBus } from '@tidemark/bus';
import { createAnalyticsOlapStore, createOlapStore, createOltpStore } from '@tidemark/db';
import { divFixed, parseFixed, tokensFromRaw, type PricedTrade } from '@tidemark/domain';
import type { TradeExecutedV1 } from '@tidemark/schema';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { mainnetSlices } from './support/replay-rpc/fixture-slice';
import { startReplayRpc } from './support/replay-rpc/replay-server';
import { replaySlice } from './support/replay-rpc/run-replay';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'silent' });
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// The fixtures README's well-known tokens: the only ones whose decimals the replay can state.
const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
/** The stablecoins (anchored at exactly $1) and their decimals. */
const STABLE_DECIMALS = new Map([
  ['0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', 6], // USDC
  ['0xdac17f958d2ee523a2206206994597c13d831ec7', 6], // USDT
  ['0x6b175474e89094c44da98b954eedeac495271d0f', 18], // DAI
]);
const WELL_KNOWN = new Set([
  WETH,
  ...STABLE_DECIMALS.keys(),
  '0x2260fac5e5542a773aa44fbcfedf7c193bc2c599',
]);

/** Runs ingest, sink and analytics over a slice; returns each trade with its priced row. */
async function pricedSlice(sliceName: string) {
  const server = await startReplayRpc(sliceName);
  cleanups.push(() => server.stop());
  const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-mainnet-analytics-'));
  const oltp = await createOltpStore({ dataDir });
  const olap = await createOlapStore({ dataDir });
  const analytics = await createAnalyticsOlapStore({ dataDir });
  const bus = createInProcessBus({ logger });
  cleanups.push(async () => {
    await bus.close();
    await Promise.all([olap.close(), oltp.close(), analytics.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  });
  const { trades } = await replaySlice(server, { bus, oltp, olap, analytics }, logger);
  const priced = await analytics.pricedTrades(
    trades.map(({ chainId, blockHash, logIndex, timestamp }) => ({
      chainId,
      blockHash,
      logIndex,
      timestamp,
    })),
  );
  const byKey = new Map(priced.map((p) => [`${p.blockHash}:${p.logIndex}`, p]));
  return trades.map((trade) => ({
    trade,
    priced: byKey.get(`${trade.blockHash}:${trade.logIndex}`) as PricedTrade,
  }));
}

/** WETH in USD as a trade implies it: its USD volume over the WETH it moved. */
function impliedWethPrice(trade: TradeExecutedV1, volumeUsd: string): bigint {
  const weth = trade.tokenIn === WETH ? trade.amountIn : trade.amountOut;
  return divFixed(parseFixed(volumeUsd), tokensFromRaw(BigInt(weth), 18));
}

const within = (value: bigint, reference: bigint, tolerance: number) =>
  Math.abs(Number(value - reference) / Number(reference)) <= tolerance;

/**
 * How far `feeUsd` (a Fixed) is from 0.3 % of `amountUsd` (a Fixed), in thousandths of a unit:
 * at most 500 when the fee is the exact 0.3 % rounded to the nearest 10^-18 dollar.
 */
function v2FeeError(feeUsd: string, amountUsd: bigint): bigint {
  const error = parseFixed(feeUsd) * 1000n - amountUsd * 3n;
  return error < 0n ? -error : error;
}

/**
 * The USD value of what a V2 trade paid in, from its own amounts alone when exactly one side is a
 * stablecoin: amountIn itself when it is the stablecoin, else the stablecoin amount it bought.
 */
function stableValueOfAmountIn(trade: TradeExecutedV1): bigint | undefined {
  const [dIn, dOut] = [STABLE_DECIMALS.get(trade.tokenIn), STABLE_DECIMALS.get(trade.tokenOut)];
  if ((dIn === undefined) === (dOut === undefined)) return undefined;
  return dIn !== undefined
    ? tokensFromRaw(BigInt(trade.amountIn), dIn)
    : tokensFromRaw(BigInt(trade.amountOut), dOut!);
}

describe('analytics on replayed Ethereum mainnet blocks', () => {
  it.each(mainnetSlices)('prices the trades of %s consistently', async (sliceName) => {
    const rows = await pricedSlice(sliceName);
    expect(rows.every((r) => r.priced !== undefined)).toBe(true);

    // Pools created long before the slice are learnt from the pools ingest stored, so most
    // trades price: every WETH pair once a WETH/stablecoin pool has shown its reserves.
    const valued = rows.filter((r) => r.priced.volumeUsd !== null);
    expect(valued.length / rows.length).toBeGreaterThan(0.6);
    for (const { priced } of rows)
      expect(priced.priceSource === 'unpriced', priced.txHash).toBe(priced.volumeUsd === null);

    // One WETH price, whether a trade met a stablecoin directly or went through the book.
    const wethTrades = valued.filter(({ trade }) => [trade.tokenIn, trade.tokenOut].includes(WETH));
    const direct = wethTrades.filter(({ priced }) => priced.priceSource.startsWith('stablecoin'));
    const viaBook = wethTrades.filter(({ priced }) => priced.priceSource.startsWith('native'));
    expect(direct.length).toBeGreaterThan(0);
    expect(viaBook.length).toBeGreaterThan(5);
    const reference = impliedWethPrice(direct[0]!.trade, direct[0]!.priced.volumeUsd!);
    expect(within(reference, parseFixed('1850'), 0.05)).toBe(true); // ETH in May 2023
    for (const { trade, priced } of wethTrades)
      expect(
        within(impliedWethPrice(trade, priced.volumeUsd!), reference, 0.03),
        priced.txHash,
      ).toBe(true);

    // A price per token only where its decimals are known; V2 fees are 0.3 % of the volume, to
    // the nearest 10^-18 dollar (neither more nor less).
    for (const { priced } of rows) {
      if (!WELL_KNOWN.has(priced.baseToken)) expect(priced.priceUsd).toBeNull();
      if (priced.protocol === 'uniswap-v2' && priced.volumeUsd !== null)
        expect(
          v2FeeError(priced.feeUsd!, parseFixed(priced.volumeUsd)),
          priced.txHash,
        ).toBeLessThanOrEqual(500n);
    }
    // The same fee from the fixture's amounts alone, where a stablecoin ($1) sets the value of
    // amountIn: 0.3 % of amountIn, the fee a V2 pair keeps.
    const stablePaired = rows.flatMap(({ trade, priced }) => {
      const valueIn = stableValueOfAmountIn(trade);
      return trade.protocol === 'uniswap-v2' && valueIn !== undefined ? [{ priced, valueIn }] : [];
    });
    expect(stablePaired.length).toBeGreaterThan(0);
    for (const { priced, valueIn } of stablePaired)
      expect(v2FeeError(priced.feeUsd!, valueIn), priced.txHash).toBeLessThanOrEqual(500n);

    // Gas in USD is the receipt's gas x price in ETH at the book's WETH price, once per tx.
    const gasPriced = rows.filter((r) => r.priced.gasFeeUsd !== null);
    expect(gasPriced.length).toBeGreaterThan(0);
    for (const { trade, priced } of gasPriced) {
      const wei = BigInt(trade.gasUsed!) * BigInt(trade.effectiveGasPrice!);
      const implied = divFixed(parseFixed(priced.gasFeeUsd!), tokensFromRaw(wei, 18));
      expect(within(implied, reference, 0.03), priced.txHash).toBe(true);
    }
    const gasTxs = gasPriced.map((r) => r.trade.txHash);
    expect(new Set(gasTxs).size).toBe(gasTxs.length);
  });
});
