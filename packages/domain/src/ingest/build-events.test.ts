import { describe, expect, it } from 'vitest';
import { ChainReadError, type TransactionReceipt } from '../ports/chain-reader';
import type { DecodedEntry, RangeInputs } from './build-events';
import { buildRangeEvents } from './build-events';

const hash = (c: string) => `0x${c.repeat(64)}`;
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const log = (logIndex: number, address: string) => ({
  address,
  topics: [],
  data: '0x',
  blockNumber: 5,
  blockHash: hash('5'),
  transactionHash: hash('e'),
  logIndex,
});
const v3Swap = (pool: string, amount0: bigint, amount1: bigint) => ({
  kind: 'swapV3' as const,
  pool,
  sender: addr(7),
  recipient: addr(8),
  amount0,
  amount1,
  sqrtPriceX96: 79228162514264337593543950336n,
  liquidity: 10n ** 30n,
  tick: -5,
});

const receipt = (over: Partial<TransactionReceipt> = {}): TransactionReceipt => ({
  from: addr(9),
  blockHash: hash('5'),
  gasUsed: 152_311n,
  effectiveGasPrice: 31_000_000_123n,
  ...over,
});

describe('buildRangeEvents, Uniswap V3', () => {
  const entries: DecodedEntry[] = [
    {
      log: log(0, addr(100)),
      decoded: {
        kind: 'poolCreatedV3',
        factory: addr(100),
        token0: addr(1),
        token1: addr(2),
        fee: 500,
        tickSpacing: 10,
        pool: addr(50),
      },
    },
    { log: log(1, addr(50)), decoded: v3Swap(addr(50), -3n, 4n) },
    { log: log(2, addr(51)), decoded: v3Swap(addr(51), 3n, -4n) },
    { log: log(3, addr(50)), decoded: v3Swap(addr(50), 0n, 0n) },
  ];
  const built = buildRangeEvents({
    chainId: 1,
    entries,
    headers: new Map([[5, { number: 5, hash: hash('5'), parentHash: hash('4'), timestamp: 99 }]]),
    receipts: new Map([[hash('e'), receipt()]]),
    pools: new Map([[addr(50), { token0: addr(1), token1: addr(2) }]]),
    lastBlock: 5,
  });

  it('publishes PoolCreatedV1 with fee and tick spacing, and a V3 trade with its pool state', () => {
    expect(built.events.map((e) => e.type)).toEqual([
      'PoolCreatedV1',
      'TradeExecutedV1',
      'BlockV1',
    ]);
    expect(built.events[0]).toMatchObject({
      protocol: 'uniswap-v3',
      pool: addr(50),
      fee: 500,
      tickSpacing: 10,
    });
    expect(built.events[1]).toMatchObject({
      protocol: 'uniswap-v3',
      tokenIn: addr(2),
      tokenOut: addr(1),
      amountIn: '4',
      amountOut: '3',
      trader: addr(9),
      sqrtPriceX96: '79228162514264337593543950336',
      liquidity: (10n ** 30n).toString(),
      tick: -5,
      gasUsed: '152311',
      effectiveGasPrice: '31000000123',
    });
  });

  it('reports swaps of unknown pools and swaps with no input side instead of inventing trades', () => {
    expect(built.skippedSwaps.map((l) => l.logIndex)).toEqual([2, 3]);
  });
});

describe('buildRangeEvents, gas from the receipt', () => {
  const inputs = (r: TransactionReceipt): RangeInputs => ({
    chainId: 1,
    entries: [{ log: log(1, addr(50)), decoded: v3Swap(addr(50), -3n, 4n) }],
    headers: new Map([[5, { number: 5, hash: hash('5'), parentHash: hash('4'), timestamp: 99 }]]),
    receipts: new Map([[hash('e'), r]]),
    pools: new Map([[addr(50), { token0: addr(1), token1: addr(2) }]]),
    lastBlock: 5,
  });

  it('leaves effectiveGasPrice out where the node did not report it, and keeps gasUsed', () => {
    const [trade] = buildRangeEvents(inputs(receipt({ effectiveGasPrice: null }))).events;
    expect(trade).toMatchObject({ type: 'TradeExecutedV1', gasUsed: '152311' });
    expect(trade).not.toHaveProperty('effectiveGasPrice');
  });

  it('fails retryably when the receipt is from another block than the log', () => {
    let thrown: unknown;
    try {
      buildRangeEvents(inputs(receipt({ blockHash: hash('6') })));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChainReadError);
    expect(thrown).toMatchObject({
      retryable: true,
      message: expect.stringMatching(/the chain changed during the read/) as unknown,
    });
  });

  it('refuses a swap whose transaction has no receipt', () => {
    expect(() => buildRangeEvents({ ...inputs(receipt()), receipts: new Map() })).toThrow(
      `missing receipt of ${hash('e')}`,
    );
  });
});
