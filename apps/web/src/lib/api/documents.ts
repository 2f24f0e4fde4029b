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
