import { TRADE_FIELDS } from '../trades/fragments';

// The signed-in user's watchlist with its 24h figures, and the live trades of what it follows.

const WATCHLIST_ENTRY_FIELDS = /* GraphQL */ `
  fragment WatchlistEntryFields on WatchlistEntry {
    id
    kind
    chainId
    address
    label
    createdAt
    pool {
      stats {
        priceUsd
        volume24hUsd
        trades24h
        liquidityUsd
        priceChange {
          h24
        }
      }
    }
    wallet {
      activity(window: H24) {
        volumeUsd
        realizedPnlUsd
        trades
      }
    }
  }
`;

export const WATCHLIST_QUERY = /* GraphQL */ `
  query Watchlist($first: Int!) {
    viewer {
      id
      watchlist(first: $first) {
        edges {
          node {
            ...WatchlistEntryFields
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
  ${WATCHLIST_ENTRY_FIELDS}
`;

export const ADD_WATCHLIST_ENTRY_MUTATION = /* GraphQL */ `
  mutation AddWatchlistEntry($input: AddWatchlistEntryInput!) {
    addWatchlistEntry(input: $input) {
      entry {
        ...WatchlistEntryFields
      }
    }
  }
  ${WATCHLIST_ENTRY_FIELDS}
`;

export const REMOVE_WATCHLIST_ENTRY_MUTATION = /* GraphQL */ `
  mutation RemoveWatchlistEntry($id: ID!) {
    removeWatchlistEntry(id: $id) {
      removedId
    }
  }
`;

export const WATCHLIST_TRADES_SUBSCRIPTION = /* GraphQL */ `
  subscription WatchlistTrades {
    watchlistTrades {
      ...TradeFields
    }
  }
  ${TRADE_FIELDS}
`;
