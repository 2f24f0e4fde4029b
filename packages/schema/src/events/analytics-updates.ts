import { z } from 'zod';
import { Address, BlockNumber, ChainId, UintString, UnixSeconds } from './primitives';
import { InvalidEventError } from './parse-event';

/**
 * An exact decimal as a string (USD figures, prices, ratios): optional minus sign, digits, at most
 * 18 places after the point, no exponent. Never a float.
 */
export const ExactDecimal = z
  .string()
  .regex(/^-?[0-9]+(\.[0-9]{1,18})?$/, 'expected an exact decimal string such as "-12.5"');
export type ExactDecimal = z.infer<typeof ExactDecimal>;

export const CandleIntervalName = z.enum(['1m', '5m', '15m', '1h', '4h', '1d']);
export type CandleIntervalName = z.infer<typeof CandleIntervalName>;

const Count = z.number().int().nonnegative();
const Price = ExactDecimal.nullable();

/**
 * One bucket of a pool's candles as the analytics role stored it after a batch or a reorg
 * rollback: a whole snapshot, not a delta, so applying the same update twice (a redelivered batch
 * publishes again) or a late one for an older block changes nothing a newer one did not say.
 * `trades: 0` (prices null, volumes 0) means a reorg removed every trade of the bucket: the bucket
 * no longer exists. `blockNumber` is the last block of the batch that led to the update (the
 * common ancestor when the batch ended with a reorg); the figures are read after that batch's
 * commit. Updates of a chain are published in order.
 */
export const CandleUpdatedV1 = z.object({
  type: z.literal('CandleUpdatedV1'),
  chainId: ChainId,
  pool: Address,
  interval: CandleIntervalName,
  /** Start of the bucket, UTC-aligned. */
  bucket: UnixSeconds,
  blockNumber: BlockNumber,
  /** USD per whole base token; null when no trade of the bucket had a USD price. */
  openUsd: Price,
  highUsd: Price,
  lowUsd: Price,
  closeUsd: Price,
  /** Whole quote tokens per whole base token; null when token decimals are unknown. */
  open: Price,
  high: Price,
  low: Price,
  close: Price,
  volumeUsd: ExactDecimal,
  /** Raw token units. */
  baseVolume: UintString,
  quoteVolume: UintString,
  trades: Count,
  buys: Count,
  sells: Count,
  uniqueTraders: Count,
});
export type CandleUpdatedV1 = z.infer<typeof CandleUpdatedV1>;

/** A wallet's all-time activity on one chain. USD sums count unknown figures as 0. */
export const WalletTotalsV1 = z.object({
  volumeUsd: ExactDecimal,
  feesUsd: ExactDecimal,
  gasFeesUsd: ExactDecimal,
  realizedPnlUsd: ExactDecimal,
  trades: Count,
  closes: Count,
  wins: Count,
  /** wins / closes; null without closes. */
  winRate: ExactDecimal.nullable(),
});
export type WalletTotalsV1 = z.infer<typeof WalletTotalsV1>;

/**
 * A wallet's all-time totals on one chain (realized PnL included) as stored after a batch that
 * booked its trades, or after a reorg rollback that took some back (then possibly all zeros). A
 * snapshot like `CandleUpdatedV1`: idempotent, may be published again for a redelivered batch.
 */
export const WalletUpdatedV1 = z.object({
  type: z.literal('WalletUpdatedV1'),
  chainId: ChainId,
  wallet: Address,
  blockNumber: BlockNumber,
  totals: WalletTotalsV1,
});
export type WalletUpdatedV1 = z.infer<typeof WalletUpdatedV1>;

/** The events of the analytics-updates topic. */
export const AnalyticsUpdate = z.discriminatedUnion('type', [CandleUpdatedV1, WalletUpdatedV1]);
export type AnalyticsUpdate = z.infer<typeof AnalyticsUpdate>;

/** Validates an untrusted value (e.g. a decoded bus message) as an analytics update. */
export function parseAnalyticsUpdate(value: unknown): AnalyticsUpdate {
  const result = AnalyticsUpdate.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new InvalidEventError(
      `invalid analytics update at ${where}: ${issue?.message ?? 'unknown'}`,
    );
  }
  return result.data;
}
