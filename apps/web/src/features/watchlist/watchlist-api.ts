import type {
  AddWatchlistEntryInput,
  WatchlistQueryVariables,
} from '../../lib/api/generated/operations';
import { queryGateway } from '../../lib/api/http-client';
import { LIST_PAGE, signedOutError, type Page } from '../account/owned-page';
import {
  ADD_WATCHLIST_ENTRY_MUTATION,
  REMOVE_WATCHLIST_ENTRY_MUTATION,
  WATCHLIST_QUERY,
} from './documents';
import {
  addWatchlistEntryDataSchema,
  removeWatchlistEntryDataSchema,
  watchlistDataSchema,
  type WatchlistEntry,
} from './schemas';

// The signed-in user's watchlist operations: every one sends the session cookie.

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
  if (data.viewer === null) throw signedOutError();
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
