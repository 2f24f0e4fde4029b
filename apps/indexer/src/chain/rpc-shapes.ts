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

export const RpcTransaction = z.object({ hash: hex, from: hex });

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
