import { z } from 'zod';

// What the dashboard reads from the gateway, checked at the edge so the UI never renders a
// half-shaped object. Amounts stay decimal strings: money is never a float.
const decimalInteger = z.string().regex(/^-?\d+$/, 'expected a decimal integer string');

export const chainSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  head: z.number().int().nullable(),
  indexedBlock: z.number().int().nullable(),
  lag: z.number().int().nullable(),
});
export type Chain = z.infer<typeof chainSchema>;

export const tradeSchema = z.object({
  id: z.string(),
  chainId: z.number().int(),
  blockNumber: z.number().int(),
  txHash: z.string(),
  logIndex: z.number().int(),
  timestamp: z.number().int(),
  protocol: z.string(),
  pool: z.string(),
  trader: z.string(),
  tokenIn: z.string(),
  tokenOut: z.string(),
  amountIn: decimalInteger,
  amountOut: decimalInteger,
});
export type Trade = z.infer<typeof tradeSchema>;

export const chainsDataSchema = z.object({ chains: z.array(chainSchema) });

export const recentTradesDataSchema = z.object({
  trades: z.object({ edges: z.array(z.object({ node: tradeSchema })) }),
});

export const tradeExecutedDataSchema = z.object({ tradeExecuted: tradeSchema });

export const tradesRetractedDataSchema = z.object({
  tradesRetracted: z.object({
    chainId: z.number().int(),
    blockHashes: z.array(z.string()),
    ancestorBlock: z.number().int(),
  }),
});
