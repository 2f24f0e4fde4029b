import { z } from 'zod';
import type {
  RecentTradesQuery,
  TradeExecutedSubscription,
  TradeFieldsFragment,
  TradesRetractedSubscription,
} from '../../lib/api/generated/operations';

// What the dashboard reads from the gateway, checked at the edge so the UI never renders a
// half-shaped object. Each schema `satisfies` the operation type graphql-codegen generates from
// the features' documents (npm run codegen -w @tidemark/schema), so a document and its check
// cannot drift apart. Amounts stay decimal strings: money is never a float.
const decimalInteger = z.string().regex(/^-?\d+$/, 'expected a decimal integer string');

export type Trade = TradeFieldsFragment;

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
}) satisfies z.ZodType<Trade>;

export const recentTradesDataSchema = z.object({
  trades: z.object({ edges: z.array(z.object({ node: tradeSchema })) }),
}) satisfies z.ZodType<RecentTradesQuery>;

export const tradeExecutedDataSchema = z.object({
  tradeExecuted: tradeSchema,
}) satisfies z.ZodType<TradeExecutedSubscription>;

export const tradesRetractedDataSchema = z.object({
  tradesRetracted: z.object({
    chainId: z.number().int(),
    blockHashes: z.array(z.string()),
    ancestorBlock: z.number().int(),
  }),
}) satisfies z.ZodType<TradesRetractedSubscription>;
