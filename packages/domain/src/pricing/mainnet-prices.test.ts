import type { PoolCreatedV1, PoolSyncedV1, TradeExecutedV1 } from '@tidemark/schema';
import { describe, expect, it } from 'vitest';
import { fixtureLogs, readJsonLines } from '../../test/mainnet-fixtures';
import { decodeLog, type DecodedLog } from '../decode/decode-log';
import type { RawLog } from '../decode/raw-log';
import { divRound, formatFixed, parseFixed, type Fixed } from '../money/fixed';
import { deriveTradeV2, type TradeContext } from '../trades/derive-trade';
import { deriveTradeV3 } from '../trades/derive-trade-v3';
import { createPriceBook, type PriceBook } from './price-book';
import { DAI, USDC, USDT, WBTC, WETH } from './test-helpers';
import type { PriceBookSnapshot } from './snapshot';
import type { GasInput, TradePricing } from './types';

type Hex = `0x${string}`;
const PEPE = '0x6982508145454ce325ddbe47a25d4ec3d2311933';
const USDC_WETH_005 = '0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640';

/**
 * The fixtures README's decimals table, plus PEPE's 18 (not in the table; the cross-pool checks
 * of PEPE below hold whatever its decimals, since they scale both of its pools alike).
 */
const DECIMALS: Record<string, number> = {
  [WETH]: 18,
  [USDC]: 6,
  [USDT]: 6,
  [DAI]: 18,
  [WBTC]: 8,
  [PEPE]: 18,
};

type SliceEvent =
  | { kind: 'pool'; pool: PoolCreatedV1 }
  | { kind: 'sync'; event: PoolSyncedV1 }
  | { kind: 'trade'; trade: TradeExecutedV1; gas: GasInput };

interface Entry {
  log: RawLog;
  decoded: DecodedLog;
}

/** A pool's two tokens, read off the transfers to and from it in the same transaction. */
function poolTokens(entries: readonly Entry[], pool: string, txHash: string) {
  const tokens = new Set<string>();
  for (const { log, decoded: d } of entries)
    if (
      d.kind === 'transfer' &&
      log.transactionHash === txHash &&
      (d.from === pool || d.to === pool)
    )
      tokens.add(d.token);
  const sorted = [...tokens].sort() as Hex[];
  return sorted.length === 2 ? { token0: sorted[0]!, token1: sorted[1]! } : null;
}

/** A pool first seen acting: its creation predates the slice, so it is placed just before it. */
function poolEvent(
  ref: ReturnType<typeof logRefOf>,
  d: Entry['decoded'] & { pool: string },
  tokens: { token0: Hex; token1: Hex },
): SliceEvent {
  const protocol = d.kind === 'swapV3' ? 'uniswap-v3' : 'uniswap-v2';
  return {
    kind: 'pool',
    pool: {
      type: 'PoolCreatedV1',
      ...ref,
      blockNumber: ref.blockNumber - 1,
      protocol,
      factory: `0x${'0'.repeat(40)}`,
      pool: d.pool as Hex,
      ...tokens,
      // The one V3 fee tier these tests rely on (the pool's PoolCreated is not in the slices).
      fee: d.pool === USDC_WETH_005 ? 500 : undefined,
    },
  };
}

/** Every V2 Sync and V2/V3 swap of a slice as canonical events, in chain order. */
function sliceEvents(slice: string): SliceEvent[] {
  const entries = fixtureLogs(slice).flatMap((log) => {
    const decoded = decodeLog(log);
    return decoded ? [{ log, decoded }] : [];
  });
  const txs = new Map(readJsonLines(slice, 'expected_transactions.json').map((t) => [t.hash, t]));
  const blocks = readJsonLines(slice, 'expected_blocks.json');
  const time = new Map(blocks.map((b) => [b.number as number, b.timestamp as number]));
  const events: SliceEvent[] = [];
  const seen = new Set<string>();
  for (const { log, decoded: d } of entries) {
    if (d.kind !== 'syncV2' && d.kind !== 'swapV2' && d.kind !== 'swapV3') continue;
    const tokens = poolTokens(entries, d.pool, log.transactionHash);
    if (!tokens) continue;
    const tx = txs.get(log.transactionHash)!;
    const ref = logRefOf(log, time);
    const ctx: TradeContext = { ...ref, trader: tx.from_address as string };
    if (!seen.has(d.pool)) events.push(poolEvent(ref, d, tokens));
    seen.add(d.pool);
    const gas = {
      gasUsed: BigInt(tx.receipt_gas_used as number),
      effectiveGasPrice: BigInt(tx.receipt_effective_gas_price as number),
    };
    if (d.kind === 'syncV2') {
      const reserves = { reserve0: `${d.reserve0}`, reserve1: `${d.reserve1}` };
      const event: PoolSyncedV1 = {
        type: 'PoolSyncedV1',
        ...ref,
        pool: d.pool as Hex,
        ...reserves,
      };
      events.push({ kind: 'sync', event });
    } else {
      const trade =
        d.kind === 'swapV2' ? deriveTradeV2(d, tokens, ctx) : deriveTradeV3(d, tokens, ctx);
      events.push({ kind: 'trade', trade, gas });
    }
  }
  return events;
}

function logRefOf(log: RawLog, time: ReadonlyMap<number, number>) {
  return {
    chainId: 1,
    blockNumber: log.blockNumber,
    blockHash: log.blockHash as Hex,
    timestamp: time.get(log.blockNumber)!,
    txHash: log.transactionHash as Hex,
    logIndex: log.logIndex,
  };
}

function mainnetBook(): PriceBook {
  return createPriceBook({
    chainId: 1,
    stablecoins: [USDC, USDT, DAI],
    wrappedNative: WETH,
    minLiquidityUsd: parseFixed('100000'),
    decimals: (token) => DECIMALS[token],
  });
}

interface PricedTrade {
  trade: TradeExecutedV1;
  pricing: TradePricing;
  /** Whether WETH had a price when the trade was priced. */
  wethKnown: boolean;
}

/** Pools as they first act, Syncs as state, trades priced and then applied. */
function replay(book: PriceBook, events: readonly SliceEvent[]): PricedTrade[] {
  const priced: PricedTrade[] = [];
  for (const event of events) {
    if (event.kind === 'pool') book.applyPool(event.pool);
    else if (event.kind === 'sync') book.applyState(event.event);
    else {
      const wethKnown = book.priceOf(WETH) !== null;
      priced.push({
        trade: event.trade,
        pricing: book.applyTrade(event.trade, event.gas),
        wethKnown,
      });
    }
  }
  return priced;
}

/** |a - b| / b, in parts per million. */
const ppmOff = (a: Fixed, b: Fixed) => Number(divRound((a > b ? a - b : b - a) * 1_000_000n, b));
const usd = (text: string) => parseFixed(text);
const STABLES = new Set<string>([USDC, USDT, DAI]);

describe('price book on real mainnet blocks', () => {
  const slices = ['blocks_17179063_17179063', 'blocks_17173049_17173050'] as const;
  // A cold book per slice: the slices are 6,000 blocks apart.
  const runs = slices.map((slice) => {
    const book = mainnetBook();
    const events = sliceEvents(slice);
    return { slice, book, events, priced: replay(book, events) };
  });

  it('reads every V2 and V3 swap of the slices as a trade', () => {
    expect(runs.map((r) => r.priced.length)).toEqual([23 + 11, 69 + 10]);
  });

  it('prices WETH in a sane band from stable pools of both protocols that agree within 0.5%', () => {
    for (const { book } of runs) {
      const weth = book.priceOf(WETH)!;
      // Early May 2023: ETH traded around $1,830-1,870.
      expect(weth.priceUsd > usd('1750') && weth.priceUsd < usd('1950')).toBe(true);
      if (weth.source.kind !== 'native') throw new Error('WETH must be priced from stable pools');
      expect(weth.source.pools.length).toBeGreaterThanOrEqual(3);
      for (const pool of weth.source.pools)
        expect(ppmOff(pool.priceUsd, weth.priceUsd)).toBeLessThan(5_000);
    }
    const [first] = runs;
    const pools = first!.book.priceOf(WETH)!.source;
    // 0x0d4a (V2 USDT), 0x11b8 and 0x4e68 (V3 USDT), 0x6059 (V3 DAI), 0x88e6 (V3 USDC).
    expect(pools.kind === 'native' && new Set(pools.pools.map((p) => p.stablecoin))).toEqual(
      STABLES,
    );
  });

  it('gives every WETH/stablecoin trade an execution price within 0.6% of the book', () => {
    const checked = runs.flatMap(({ book, priced }) => {
      const weth = book.priceOf(WETH)!.priceUsd;
      return priced
        .filter((p) => p.pricing.baseToken === WETH && STABLES.has(p.pricing.quoteToken))
        .map(({ pricing }) => ppmOff(pricing.priceUsd!, weth));
    });
    expect(checked.length).toBeGreaterThanOrEqual(10);
    for (const off of checked) expect(off).toBeLessThan(6_000);
  });

  it('prices a stablecoin against another at about $1 (USDC/USDT V3)', () => {
    const usdcUsdt = runs[1]!.priced.find((p) => p.pricing.baseToken === USDC)!.pricing;
    // 111,000 USDT in for 110,962.179432 USDC out: USDC at 0.999659274162162162 USDT.
    expect(formatFixed(usdcUsdt.priceUsd!)).toBe('0.999659274162162162');
    expect(formatFixed(usdcUsdt.volumeUsd!)).toBe('110962.179432');
  });

  it('prices PEPE from its deepest pool (V3) alike with the trades of its V2 pool', () => {
    for (const { book, priced } of runs) {
      const pepe = book.priceOf(PEPE)!;
      expect(pepe.source).toMatchObject({
        kind: 'pool',
        quoteToken: WETH,
        pool: '0x11950d141ecb863f01007add7d1a342041227b58',
      });
      const v2 = priced.filter(
        (p) => p.pricing.baseToken === PEPE && p.trade.protocol === 'uniswap-v2',
      );
      expect(v2.length).toBeGreaterThan(0);
      for (const { pricing } of v2)
        expect(ppmOff(pricing.priceUsd!, pepe.priceUsd)).toBeLessThan(10_000);
    }
  });

  it('values trades through WETH only once WETH has a price, and charges the fee tier', () => {
    for (const { priced } of runs) {
      for (const { pricing, trade, wethKnown } of priced) {
        const stableLeg = STABLES.has(trade.tokenIn) || STABLES.has(trade.tokenOut);
        expect(pricing.volumeUsd !== null).toBe(wethKnown || stableLeg);
        expect(pricing.gasFeeUsd !== null).toBe(wethKnown);
        if (pricing.volumeUsd === null) continue;
        const feePpm =
          trade.protocol === 'uniswap-v2' ? 3000n : trade.pool === USDC_WETH_005 ? 500n : null;
        expect(pricing.feeUsd).toBe(feePpm && divRound(pricing.volumeUsd * feePpm, 1_000_000n));
      }
      expect(priced.filter((p) => p.wethKnown).length).toBeGreaterThan(priced.length / 2);
    }
  });

  it('values gas at the WETH price: 312,052 gas x 51.228862483 gwei = 0.015986068995545116 ETH', () => {
    const { pricing } = runs[0]!.priced.find((p) => p.trade.logIndex === 232)!;
    const weth = pricing.gasSource!.priceUsd;
    expect(pricing.gasFeeUsd).toBe(divRound(15_986_068_995_545_116n * weth, 10n ** 18n));
    expect(formatFixed(pricing.gasFeeUsd!)).toMatch(/^29\.8/); // about $29.87 at ~$1,869
  });

  it('is deterministic and resumes from a snapshot as if never stopped', () => {
    const { events, priced, book } = runs[1]!;
    const blockOf = (e: SliceEvent) =>
      (e.kind === 'pool' ? e.pool : e.kind === 'sync' ? e.event : e.trade).blockNumber;
    const cut = events.findIndex((e) => e.kind !== 'pool' && blockOf(e) === 17173050);
    const first = mainnetBook();
    const head = replay(first, events.slice(0, cut));
    const resumed = mainnetBook();
    resumed.restore(JSON.parse(JSON.stringify(first.snapshot())) as PriceBookSnapshot);
    expect([...head, ...replay(resumed, events.slice(cut))]).toEqual(priced);
    expect(resumed.snapshot()).toEqual(book.snapshot());
    expect(resumed.prices()).toEqual(book.prices());
  });
});
