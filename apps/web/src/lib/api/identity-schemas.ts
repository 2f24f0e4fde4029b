import { z } from 'zod';
import type {
  AddWatchlistEntryMutation,
  ApiKeyFieldsFragment,
  ApiKeysQuery,
  CreateApiKeyMutation,
  RemoveWatchlistEntryMutation,
  RevokeApiKeyMutation,
  SignInMutation,
  SignInNonceMutation,
  SignOutMutation,
  ViewerQuery,
  WatchlistEntryFieldsFragment,
  WatchlistQuery,
  WatchlistTradesSubscription,
} from './generated/operations';
import { tradeSchema } from './schemas';

// The signed-in user's objects as the gateway answers them, checked at the edge like the public
// data in schemas.ts; each schema `satisfies` its generated operation type. USD figures are exact
// decimal strings.
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');
const scope = z.enum(['READ', 'ALERTS_WRITE']);

export type ApiKey = ApiKeyFieldsFragment;
export type ApiKeyScope = ApiKey['scopes'][number];
export type WatchlistEntry = WatchlistEntryFieldsFragment;
export type WatchlistKind = WatchlistEntry['kind'];

export const signInNonceDataSchema = z.object({
  signInNonce: z.object({ nonce: z.string().min(8), expiresAt: z.number().int() }),
}) satisfies z.ZodType<SignInNonceMutation>;

export const signInDataSchema = z.object({
  signIn: z.object({
    user: z.object({ id: z.string(), address: z.string() }),
    sessionExpiresAt: z.number().int(),
  }),
}) satisfies z.ZodType<SignInMutation>;

export const signOutDataSchema = z.object({
  signOut: z.boolean(),
}) satisfies z.ZodType<SignOutMutation>;

export const viewerDataSchema = z.object({
  viewer: z.object({ id: z.string(), address: z.string() }).nullable(),
}) satisfies z.ZodType<ViewerQuery>;

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(scope),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
}) satisfies z.ZodType<ApiKey>;

const morePages = z.object({ hasNextPage: z.boolean() });

export const apiKeysDataSchema = z.object({
  viewer: z
    .object({
      id: z.string(),
      apiKeys: z.object({
        edges: z.array(z.object({ node: apiKeySchema })),
        pageInfo: morePages,
      }),
    })
    .nullable(),
}) satisfies z.ZodType<ApiKeysQuery>;

export const createApiKeyDataSchema = z.object({
  createApiKey: z.object({ apiKey: apiKeySchema, secret: z.string().min(8) }),
}) satisfies z.ZodType<CreateApiKeyMutation>;

export const revokeApiKeyDataSchema = z.object({
  revokeApiKey: z.object({ apiKey: apiKeySchema }),
}) satisfies z.ZodType<RevokeApiKeyMutation>;

export const watchlistEntrySchema = z.object({
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
        pageInfo: morePages,
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
