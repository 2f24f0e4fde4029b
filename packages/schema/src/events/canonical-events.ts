import { z } from 'zod';
import { Address, BlockRef, Hash, LogRef, UintString } from './primitives';

/** A block the indexer has ingested. Published for the last block of every ingested range and for every block with events. */
export const BlockV1 = z.object({
  type: z.literal('BlockV1'),
  ...BlockRef,
  parentHash: Hash,
});
export type BlockV1 = z.infer<typeof BlockV1>;

/** An ERC-20 `Transfer(address,address,uint256)`. */
export const TransferV1 = z.object({
  type: z.literal('TransferV1'),
  ...LogRef,
  token: Address,
  from: Address,
  to: Address,
  value: UintString,
});
export type TransferV1 = z.infer<typeof TransferV1>;

export const Protocol = z.enum(['uniswap-v2', 'uniswap-v3']);
export type Protocol = z.infer<typeof Protocol>;

/** A pool came into existence (Uniswap V2 `PairCreated`, V3 `PoolCreated`). */
export const PoolCreatedV1 = z.object({
  type: z.literal('PoolCreatedV1'),
  ...LogRef,
  protocol: Protocol,
  factory: Address,
  pool: Address,
  token0: Address,
  token1: Address,
  /** V3 only: the fee tier in hundredths of a basis point (3000 = 0.3%). */
  fee: z.number().int().nonnegative().optional(),
  /** V3 only. */
  tickSpacing: z.number().int().optional(),
});
export type PoolCreatedV1 = z.infer<typeof PoolCreatedV1>;

/** A pool's reserves after a change (Uniswap V2 `Sync`). */
export const PoolSyncedV1 = z.object({
  type: z.literal('PoolSyncedV1'),
  ...LogRef,
  pool: Address,
  reserve0: UintString,
  reserve1: UintString,
});
export type PoolSyncedV1 = z.infer<typeof PoolSyncedV1>;

/**
 * A swap in a DEX pool. `trader` is the transaction's sender (the wallet that paid for it), not the
 * router that called the pool. Amounts are raw token units as decimal strings.
 */
export const TradeExecutedV1 = z.object({
  type: z.literal('TradeExecutedV1'),
  ...LogRef,
  protocol: Protocol,
  pool: Address,
  trader: Address,
  sender: Address,
  recipient: Address,
  tokenIn: Address,
  tokenOut: Address,
  amountIn: UintString,
  amountOut: UintString,
  /** V3 only: the pool's state after the swap. */
  sqrtPriceX96: UintString.optional(),
  liquidity: UintString.optional(),
  tick: z.number().int().optional(),
});
export type TradeExecutedV1 = z.infer<typeof TradeExecutedV1>;

export const CanonicalEvent = z.discriminatedUnion('type', [
  BlockV1,
  TransferV1,
  PoolCreatedV1,
  PoolSyncedV1,
  TradeExecutedV1,
]);
export type CanonicalEvent = z.infer<typeof CanonicalEvent>;
export type CanonicalEventType = CanonicalEvent['type'];
