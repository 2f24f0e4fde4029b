import { eventually } from '@tidemark/testkit';
import type { BusEvent } from '@tidemark/domain';
import type { AnalyticsUpdate, CanonicalEvent } from '@tidemark/schema';

const hex = (seed: number, bytes: number): `0x${string}` =>
  `0x${seed
    .toString(16)
    .padStart(bytes * 2, '0')
    .slice(-bytes * 2)}`;

let nextChain = Math.floor(Date.now() / 1000) % 1_000_000;

/** A chain id no other test uses, so tests sharing one broker (and its topic) stay apart. */
export function freshChainId(): number {
  nextChain += 1;
  return 10_000_000 + nextChain;
}

export function blockEvent(chainId: number, blockNumber: number): CanonicalEvent {
  return {
    type: 'BlockV1',
    chainId,
    blockNumber,
    blockHash: hex(blockNumber * 2 + 1, 32),
    parentHash: hex(blockNumber * 2 - 1, 32),
    timestamp: 1_700_000_000 + blockNumber * 12,
  };
}

/** One event of every canonical type, all in one block of the given chain. */
export function oneOfEachType(chainId: number, blockNumber: number): CanonicalEvent[] {
  const ref = {
    chainId,
    blockNumber,
    blockHash: hex(blockNumber * 2 + 1, 32),
    timestamp: 1_700_000_000,
  };
  const log = (logIndex: number) => ({
    ...ref,
    txHash: hex(blockNumber * 1000 + logIndex, 32),
    logIndex,
  });
  const [pool, token0, token1, wallet, router] = [0xa1, 0xb2, 0xc3, 0xd4, 0xe5].map((seed) =>
    hex(seed, 20),
  );
  if (!pool || !token0 || !token1 || !wallet || !router) throw new Error('fixture addresses');
  return [
    { type: 'BlockV1', ...ref, parentHash: hex(blockNumber * 2 - 1, 32) },
    {
      type: 'PoolCreatedV1',
      ...log(0),
      protocol: 'uniswap-v2',
      factory: hex(0xf0, 20),
      pool,
      token0,
      token1,
    },
    {
      type: 'TransferV1',
      ...log(1),
      token: token0,
      from: wallet,
      to: pool,
      value: '1000000000000000000000',
    },
    {
      type: 'PoolSyncedV1',
      ...log(2),
      pool,
      reserve0: '123456789012345678901234567890',
      reserve1: '42',
    },
    {
      type: 'TradeExecutedV1',
      ...log(3),
      protocol: 'uniswap-v2',
      pool,
      trader: wallet,
      sender: router,
      recipient: wallet,
      tokenIn: token0,
      tokenOut: token1,
      amountIn: '1000000000000000000000',
      amountOut: '999',
    },
  ];
}

/** A candle and a wallet update of the chain, addresses in mixed case (the bus lower-cases them). */
export function analyticsUpdates(chainId: number, blockNumber: number): AnalyticsUpdate[] {
  return [
    {
      type: 'CandleUpdatedV1',
      chainId,
      pool: `0x${'aB'.repeat(20)}`,
      interval: '1m',
      bucket: 1_700_000_040,
      blockNumber,
      ...{ openUsd: '1.5', highUsd: '2', lowUsd: '1', closeUsd: '1.25' },
      ...{ open: '0.5', high: '0.75', low: '0.25', close: '0.5' },
      ...{ volumeUsd: '12.000000000000000001', baseVolume: '10', quoteVolume: '12000000' },
      ...{ trades: 3, buys: 2, sells: 1, uniqueTraders: 2 },
    },
    {
      type: 'WalletUpdatedV1',
      chainId,
      wallet: `0x${'Cd'.repeat(20)}`,
      blockNumber,
      totals: {
        ...{ volumeUsd: '12', feesUsd: '0.036', gasFeesUsd: '0.5', realizedPnlUsd: '-1.25' },
        ...{ trades: 3, closes: 1, wins: 0, winRate: '0' },
      },
    },
  ];
}

/** The events of one chain, in the order a subscriber received them. */
export function ofChain<E extends BusEvent>(
  batches: readonly (readonly E[])[],
  chainId: number,
): E[] {
  return batches.flat().filter((event) => event.chainId === chainId);
}

/** A handler body that only remembers the batch. */
export function record<E extends BusEvent>(
  into: (readonly E[])[],
  events: readonly E[],
): Promise<void> {
  into.push(events);
  return Promise.resolve();
}

/** Polls until the condition holds; fails with the message at the deadline. */
export async function waitFor(
  condition: () => boolean,
  message: string,
  timeoutMs = 20_000,
): Promise<void> {
  await eventually(message, condition, { timeoutMs, intervalMs: 20 });
}
