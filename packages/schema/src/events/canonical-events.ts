import { z } from 'zod';
import { Address, BlockNumber, BlockRef, ChainId, Hash, LogRef, UintString } from './primitives';

/**
 * How settled an event's block was when it was published: `finalized` once it is at least the
 * chain's configured confirmations below the head. Absent on older messages, which read as `latest`.
 */
export const BlockStatus = z.enum(['latest', 'finalized']);
export type BlockStatus = z.infer<typeof BlockStatus>;

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
  /**
   * From the transaction's receipt: the gas it used, and the wei it paid per unit of gas (its fee
   * is gasUsed x effectiveGasPrice, shared by every trade of the transaction). Absent on messages
   * published before they were recorded, and `effectiveGasPrice` where the node did not report it.
   */
  gasUsed: UintString.optional(),
  effectiveGasPrice: UintString.optional(),
  /** Absent means `latest` (messages published before finality was tracked). */
  status: BlockStatus.optional(),
});
export type TradeExecutedV1 = z.infer<typeof TradeExecutedV1>;

/** A block on the chain, by number and hash. */
export const BlockId = z.object({ number: BlockNumber, hash: Hash });
export type BlockId = z.infer<typeof BlockId>;

/**
 * The chain replaced blocks the indexer had published: every event of the `orphaned` blocks is
 * void. Blocks after `ancestor` (the newest block both chains share) are published again from the
 * canonical chain after this event.
 */
export const ReorgV1 = z.object({
  type: z.literal('ReorgV1'),
  chainId: ChainId,
  ancestor: BlockId,
  /** Oldest first. */
  orphaned: z.array(BlockId).min(1),
  /** How many published blocks were replaced. */
  depth: z.number().int().positive(),
});
export type ReorgV1 = z.infer<typeof ReorgV1>;

/** The status of an event whose block status is optional on the wire. */
export function blockStatusOf(event: { status?: BlockStatus }): BlockStatus {
  return event.status ?? 'latest';
}

export const CanonicalEvent = z.discriminatedUnion('type', [
  BlockV1,
  TransferV1,
  PoolCreatedV1,
  PoolSyncedV1,
  TradeExecutedV1,
  ReorgV1,
]);
export type CanonicalEvent = z.infer<typeof CanonicalEvent>;
export type CanonicalEventType = CanonicalEvent['type'];
