// The trade fields every trade list shows (the feed and the watchlist's live trades).

export const TRADE_FIELDS = /* GraphQL */ `
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
