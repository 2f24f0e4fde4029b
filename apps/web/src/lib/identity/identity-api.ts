import {
  ADD_WATCHLIST_ENTRY_MUTATION,
  API_KEYS_QUERY,
  CREATE_API_KEY_MUTATION,
  REMOVE_WATCHLIST_ENTRY_MUTATION,
  REVOKE_API_KEY_MUTATION,
  VIEWER_QUERY,
  WATCHLIST_QUERY,
} from '../api/documents';
import type {
  AddWatchlistEntryInput,
  ApiKeysQueryVariables,
  CreateApiKeyInput,
  WatchlistQueryVariables,
} from '../api/generated/operations';
import { GatewayError } from '../api/gateway-error';
import { queryGateway } from '../api/http-client';
import {
  addWatchlistEntryDataSchema,
  apiKeysDataSchema,
  createApiKeyDataSchema,
  removeWatchlistEntryDataSchema,
  revokeApiKeyDataSchema,
  viewerDataSchema,
  watchlistDataSchema,
  type ApiKey,
  type WatchlistEntry,
} from '../api/identity-schemas';
import type { SignedInUser } from './sign-in';

// The signed-in user's operations: every one sends the session cookie.

/** The largest page the gateway serves; a dashboard user's lists are far shorter. */
export const LIST_PAGE = 100;

export interface Page<T> {
  items: T[];
  /** More than LIST_PAGE items exist: only the first page is shown. */
  truncated: boolean;
}

const signedOut = () =>
  new GatewayError('You are signed out: sign in again.', false, {
    code: 'UNAUTHENTICATED',
    gatewayMessage: 'You are signed out: sign in again.',
  });

/** Who the session cookie belongs to; null when the browser has no (working) session. */
export async function fetchViewer(url: string, signal?: AbortSignal): Promise<SignedInUser | null> {
  const data = await queryGateway({
    url,
    query: VIEWER_QUERY,
    schema: viewerDataSchema,
    withSession: true,
    ...(signal === undefined ? {} : { signal }),
  });
  return data.viewer;
}

export async function listApiKeys(url: string, signal?: AbortSignal): Promise<Page<ApiKey>> {
  const data = await queryGateway({
    url,
    query: API_KEYS_QUERY,
    variables: { first: LIST_PAGE } satisfies ApiKeysQueryVariables,
    schema: apiKeysDataSchema,
    withSession: true,
    ...(signal === undefined ? {} : { signal }),
  });
  if (data.viewer === null) throw signedOut();
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

export async function listWatchlist(
  url: string,
  signal?: AbortSignal,
): Promise<Page<WatchlistEntry>> {
  const data = await queryGateway({
    url,
    query: WATCHLIST_QUERY,
    variables: { first: LIST_PAGE } satisfies WatchlistQueryVariables,
    schema: watchlistDataSchema,
    withSession: true,
    ...(signal === undefined ? {} : { signal }),
  });
  if (data.viewer === null) throw signedOut();
  const { edges, pageInfo } = data.viewer.watchlist;
  return { items: edges.map((edge) => edge.node), truncated: pageInfo.hasNextPage };
}

export async function addWatchlistEntry(
  url: string,
  input: AddWatchlistEntryInput,
): Promise<WatchlistEntry> {
  const data = await queryGateway({
    url,
    query: ADD_WATCHLIST_ENTRY_MUTATION,
    variables: { input },
    schema: addWatchlistEntryDataSchema,
    withSession: true,
  });
  return data.addWatchlistEntry.entry;
}

export async function removeWatchlistEntry(url: string, id: string): Promise<void> {
  await queryGateway({
    url,
    query: REMOVE_WATCHLIST_ENTRY_MUTATION,
    variables: { id },
    schema: removeWatchlistEntryDataSchema,
    withSession: true,
  });
}
