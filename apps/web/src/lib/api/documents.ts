// The GraphQL operations the dashboard sends; documents.test.ts validates them against the SDL.

const TRADE_FIELDS = /* GraphQL */ `
  fragment TradeFields on Trade {
    id
    chainId
    blockNumber
    txHash
    logIndex
    timestamp
    protocol
    pool
    trader
    tokenIn
    tokenOut
    amountIn
    amountOut
  }
`;

export const CHAINS_QUERY = /* GraphQL */ `
  query Chains {
    chains {
      id
      name
      head
      indexedBlock
      lag
    }
  }
`;

export const RECENT_TRADES_QUERY = /* GraphQL */ `
  query RecentTrades($first: Int!) {
    trades(first: $first) {
      edges {
        node {
          ...TradeFields
        }
      }
    }
  }
  ${TRADE_FIELDS}
`;

export const TRADE_EXECUTED_SUBSCRIPTION = /* GraphQL */ `
  subscription TradeExecuted {
    tradeExecuted {
      ...TradeFields
    }
  }
  ${TRADE_FIELDS}
`;

export const TRADES_RETRACTED_SUBSCRIPTION = /* GraphQL */ `
  subscription TradesRetracted {
    tradesRetracted {
      chainId
      blockHashes
      ancestorBlock
    }
  }
`;

// Identity: sign-in (over HTTP, as it sets the session cookie), the viewer, API keys and the
// watchlist. The server decides who "viewer" is from the session cookie the request carries.

export const SIGN_IN_NONCE_MUTATION = /* GraphQL */ `
  mutation SignInNonce {
    signInNonce {
      nonce
      expiresAt
    }
  }
`;

export const SIGN_IN_MUTATION = /* GraphQL */ `
  mutation SignIn($message: String!, $signature: String!) {
    signIn(message: $message, signature: $signature) {
      user {
        id
        address
      }
      sessionExpiresAt
    }
  }
`;

export const SIGN_OUT_MUTATION = /* GraphQL */ `
  mutation SignOut {
    signOut
  }
`;

export const VIEWER_QUERY = /* GraphQL */ `
  query Viewer {
    viewer {
      id
      address
    }
  }
`;

const API_KEY_FIELDS = /* GraphQL */ `
  fragment ApiKeyFields on ApiKey {
    id
    name
    prefix
    scopes
    createdAt
    lastUsedAt
    revokedAt
  }
`;

export const API_KEYS_QUERY = /* GraphQL */ `
  query ApiKeys($first: Int!) {
    viewer {
      id
      apiKeys(first: $first) {
        edges {
          node {
            ...ApiKeyFields
          }
        }
        pageInfo {
          hasNextPage
        }
      }
    }
  }
  ${API_KEY_FIELDS}
`;

export const CREATE_API_KEY_MUTATION = /* GraphQL */ `
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey {
        ...ApiKeyFields
      }
      secret
    }
  }
  ${API_KEY_FIELDS}
`;

export const REVOKE_API_KEY_MUTATION = /* GraphQL */ `
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      apiKey {
        ...ApiKeyFields
      }
    }
  }
  ${API_KEY_FIELDS}
`;

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
