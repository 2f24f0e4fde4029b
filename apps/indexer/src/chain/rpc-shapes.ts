import { z } from 'zod';

// JSON-RPC responses are untrusted input: validate their shape before using them.
const hex = z.string().regex(/^0x[0-9a-fA-F]*$/, 'expected hex');
const quantity = hex.transform((value) => Number(BigInt(value)));

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
