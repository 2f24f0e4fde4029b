import { z } from 'zod';

/** A 20-byte address, normalised to lower case so it can be compared and used as a key. */
export const Address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 0x-prefixed 20-byte hex address')
  .transform((value) => value.toLowerCase() as `0x${string}`);
export type Address = z.infer<typeof Address>;

/** A 32-byte hash (block or transaction), lower case. */
export const Hash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 0x-prefixed 32-byte hex hash')
  .transform((value) => value.toLowerCase() as `0x${string}`);
export type Hash = z.infer<typeof Hash>;

/** An unsigned integer of any size as a decimal string: money is never a float. */
export const UintString = z
  .string()
  .regex(/^(0|[1-9][0-9]*)$/, 'expected an unsigned integer as a decimal string');
export type UintString = z.infer<typeof UintString>;

export const ChainId = z.number().int().positive();
export const BlockNumber = z.number().int().nonnegative();
/** Seconds since the Unix epoch, as the block header says. */
export const UnixSeconds = z.number().int().nonnegative();

/** Where an event sits on its chain. Every canonical event carries it. */
export const BlockRef = {
  chainId: ChainId,
  blockNumber: BlockNumber,
  blockHash: Hash,
  timestamp: UnixSeconds,
};

/** Where a log-derived event sits inside its block. Natural key: chainId, blockHash, txHash, logIndex. */
export const LogRef = {
  ...BlockRef,
  txHash: Hash,
  logIndex: z.number().int().nonnegative(),
};
