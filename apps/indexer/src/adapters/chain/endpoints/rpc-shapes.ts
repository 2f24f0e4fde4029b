import { z } from 'zod';

// JSON-RPC responses are untrusted input: validate their shape before using them.
const hex = z.string().regex(/^0x[0-9a-fA-F]*$/, 'expected hex');
const quantity = z
  .string()
  .regex(/^0x[0-9a-fA-F]{1,13}$/, 'expected a hex quantity')
  .transform((value) => Number(BigInt(value)));

export const RpcLog = z.object({
  address: hex,
  topics: z.array(hex),
  data: hex,
  blockNumber: quantity,
  blockHash: hex,
  transactionHash: hex,
  logIndex: quantity,
  removed: z.boolean().optional(),
});

export const RpcBlockHeader = z.object({
  number: quantity,
  hash: hex,
  parentHash: hex,
  timestamp: quantity,
});

const hash = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'expected a 32-byte hash');
const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'expected a 20-byte address');
/** A hex quantity of at most `bits` bits, exact as a bigint. */
const uint = (bits: number) =>
  z
    .string()
    .regex(new RegExp(`^0x[0-9a-fA-F]{1,${bits / 4}}$`), `expected a hex quantity of ${bits} bits`)
    .transform((value) => BigInt(value));

// Gas is a uint64 in every EVM client; a price per gas fits in a uint256.
export const RpcReceipt = z.object({
  transactionHash: hash,
  blockHash: hash,
  from: address,
  gasUsed: uint(64),
  // Some nodes leave it out of receipts of blocks before London (EIP-1559).
  effectiveGasPrice: uint(256).nullish(),
});

export const RpcBlockWithBloom = RpcBlockHeader.extend({ logsBloom: hex });

const rpcId = z.union([z.number(), z.string()]);

// An error wins over a result; a response with neither is malformed.
export const RpcResponse = z.union([
  z.object({
    id: rpcId.nullable().optional(),
    error: z.object({ code: z.number(), message: z.string() }),
  }),
  z.object({ id: rpcId, result: z.unknown().refine((v) => v !== undefined, 'missing result') }),
]);
export type RpcResponse = z.infer<typeof RpcResponse>;

export const RpcQuantity = quantity;
