import { z } from 'zod';
import type {
  AddWatchlistEntryMutation,
  RemoveWatchlistEntryMutation,
  WatchlistEntryFieldsFragment,
  WatchlistQuery,
  WatchlistTradesSubscription,
} from '../../lib/api/generated/operations';
import { pageInfoSchema } from '../account/owned-page';
import { tradeSchema } from '../trades/schemas';

// The signed-in user's watchlist as the gateway answers it, checked at the edge; each schema
// `satisfies` its generated operation type. USD figures are exact decimal strings.
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

export type WatchlistEntry = WatchlistEntryFieldsFragment;
export type WatchlistKind = WatchlistEntry['kind'];

const watchlistEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['POOL', 'WALLET']),
  chainId: z.number().int(),
  address: z.string(),
  label: z.string().nullable(),
  createdAt: z.number().int(),
  pool: z
    .object({
      stats: z.object({
        priceUsd: decimal.nullable(),
        volume24hUsd: decimal,
        trades24h: z.number().int(),
        liquidityUsd: decimal.nullable(),
        priceChange: z.object({ h24: decimal.nullable() }),
      }),
    })
    .nullable(),
  wallet: z
    .object({
      activity: z.object({
        volumeUsd: decimal,
        realizedPnlUsd: decimal,
        trades: z.number().int(),
      }),
    })
    .nullable(),
}) satisfies z.ZodType<WatchlistEntry>;

export const watchlistDataSchema = z.object({
  viewer: z
    .object({
      id: z.string(),
      watchlist: z.object({
        edges: z.array(z.object({ node: watchlistEntrySchema })),
        pageInfo: pageInfoSchema,
      }),
    })
    .nullable(),
}) satisfies z.ZodType<WatchlistQuery>;

export const addWatchlistEntryDataSchema = z.object({
  addWatchlistEntry: z.object({ entry: watchlistEntrySchema }),
}) satisfies z.ZodType<AddWatchlistEntryMutation>;

export const removeWatchlistEntryDataSchema = z.object({
  removeWatchlistEntry: z.object({ removedId: z.string() }),
}) satisfies z.ZodType<RemoveWatchlistEntryMutation>;

export const watchlistTradesDataSchema = z.object({
  watchlistTrades: tradeSchema,
}) satisfies z.ZodType<WatchlistTradesSubscription>;
