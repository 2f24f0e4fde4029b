import { z } from 'zod';
import type {
  ApiKeyFieldsFragment,
  ApiKeysQuery,
  CreateApiKeyMutation,
  RevokeApiKeyMutation,
} from '../../lib/api/generated/operations';
import { pageInfoSchema } from '../account/owned-page';

// The signed-in user's API keys as the gateway answers them, checked at the edge; each schema
// `satisfies` its generated operation type.
const scope = z.enum(['READ', 'ALERTS_WRITE']);

export type ApiKey = ApiKeyFieldsFragment;
export type ApiKeyScope = ApiKey['scopes'][number];

const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(scope),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
}) satisfies z.ZodType<ApiKey>;

export const apiKeysDataSchema = z.object({
  viewer: z
    .object({
      id: z.string(),
      apiKeys: z.object({
        edges: z.array(z.object({ node: apiKeySchema })),
        pageInfo: pageInfoSchema,
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
