import { TRADE_FIELDS } from './fragments';

// The trade feed's operations: the newest trades, then every trade and reorg pushed live.

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
