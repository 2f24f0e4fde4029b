import { createPriceBook, parseFixed, type PoolSnapshot } from '@tidemark/domain';
import type { PoolCreatedV1, PoolSyncedV1 } from '@tidemark/schema';
import { describe, expect, it } from 'vitest';
import { BatchEffects, POOL_KEY } from './batch-effects';

type Hex = `0x${string}`;
const USDC: Hex = '0x1000000000000000000000000000000000000001';
const WETH: Hex = '0x2000000000000000000000000000000000000002';
const POOL: Hex = '0x3000000000000000000000000000000000000003';
const e = (n: number) => 10n ** BigInt(n);
const hash = (n: number): Hex => `0x${n.toString(16).padStart(64, '0')}`;

let logIndex = 0;
const at = (blockNumber: number) => ({
  chainId: 1,
  blockNumber,
  blockHash: hash(blockNumber),
  timestamp: 1_700_000_000 + blockNumber * 12,
  txHash: hash(10_000 + logIndex),
  logIndex: logIndex++,
});

const created: PoolCreatedV1 = {
  type: 'PoolCreatedV1',
  ...at(1),
  protocol: 'uniswap-v2',
  factory: '0x4000000000000000000000000000000000000004',
  pool: POOL,
  token0: USDC,
  token1: WETH,
};

/** The USDC/WETH pool holding 2,000,000 USDC and `eth` WETH. */
const sync = (blockNumber: number, eth: bigint): PoolSyncedV1 => ({
  type: 'PoolSyncedV1',
  ...at(blockNumber),
  pool: POOL,
  reserve0: `${2_000_000n * e(6)}`,
  reserve1: `${eth * e(18)}`,
});

const book = () =>
  createPriceBook({
    chainId: 1,
    stablecoins: [USDC],
    wrappedNative: WETH,
    minLiquidityUsd: parseFixed('1000'),
    decimals: (token) => (token === USDC ? 6 : 18),
  });

describe('BatchEffects', () => {
  it('records each block of a run as it stood at the end of that block', () => {
    const effects = new BatchEffects(1, book(), new Map(), () => 18);
    // 1,000 then 500 then 400 WETH against 2,000,000 USDC: $2,000, then $4,000, then $5,000.
    for (const event of [created, sync(2, 1_000n), sync(3, 500n), sync(3, 400n)])
      effects.apply(event);
    const prices = effects.finish();

    const weth = prices.filter((p) => p.token === WETH);
    expect(weth.map((p) => [p.blockNumber, p.blockHash, p.priceUsd])).toEqual([
      [2, hash(2), '2000'],
      [3, hash(3), '5000'],
    ]);
    // A rollback to block 2 must find the pool as block 2 left it, not as the run ended.
    const pools = effects.changes.filter((c) => c.key === POOL_KEY + POOL);
    const reserves = pools.map((c) => {
      const state = (c.value as PoolSnapshot).state;
      return [c.blockNumber, state?.kind === 'v2' ? state.reserve1 : null];
    });
    expect(reserves).toEqual([
      [1, null],
      [2, `${1_000n * e(18)}`],
      [3, `${400n * e(18)}`],
    ]);
  });
});
