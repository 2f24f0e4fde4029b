import type { ApiKeysQueryVariables, CreateApiKeyInput } from '../../lib/api/generated/operations';
import { queryGateway } from '../../lib/api/http-client';
import { LIST_PAGE, signedOutError, type Page } from '../account/owned-page';
import { API_KEYS_QUERY, CREATE_API_KEY_MUTATION, REVOKE_API_KEY_MUTATION } from './documents';
import {
  apiKeysDataSchema,
  createApiKeyDataSchema,
  revokeApiKeyDataSchema,
  type ApiKey,
} from './schemas';

// The signed-in user's API-key operations: every one sends the session cookie.

export async function listApiKeys(url: string, signal?: AbortSignal): Promise<Page<ApiKey>> {
  const data = await queryGateway({
    url,
    query: API_KEYS_QUERY,
    variables: { first: LIST_PAGE } satisfies ApiKeysQueryVariables,
    schema: apiKeysDataSchema,
    withSession: true,
    ...(signal === undefined ? {} : { signal }),
  });
  if (data.viewer === null) throw signedOutError();
  const { edges, pageInfo } = data.viewer.apiKeys;
  return { items: edges.map((edge) => edge.node), truncated: pageInfo.hasNextPage };
}

export async function createApiKey(
  url: string,
  input: CreateApiKeyInput,
): Promise<{ apiKey: ApiKey; secret: string }> {
  const data = await queryGateway({
    url,
    query: CREATE_API_KEY_MUTATION,
    variables: { input },
    schema: createApiKeyDataSchema,
    withSession: true,
  });
  return data.createApiKey;
}

export async function revokeApiKey(url: string, id: string): Promise<ApiKey> {
  const data = await queryGateway({
    url,
    query: REVOKE_API_KEY_MUTATION,
    variables: { id },
    schema: revokeApiKeyDataSchema,
    withSession: true,
  });
  return data.revokeApiKey.apiKey;
}
