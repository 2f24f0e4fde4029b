import {
  formatFixed,
  type AnalyzedTrade,
  type Fixed,
  type PricedTrade,
  type TokenPrice,
  type TokenPriceRecord,
} from '@tidemark/domain';

const text = (value: Fixed | null) => (value === null ? null : formatFixed(value));

/** Where a USD figure came from, as the short text stored with it. */
function describeSource(price: TokenPrice | null): string {
  if (!price) return 'unpriced';
  const { source } = price;
  switch (source.kind) {
    case 'stablecoin':
      return `stablecoin:${price.token}`;
    case 'native':
      return `native:${source.pools.map((p) => p.pool).join(',')}`;
    case 'pool':
      return `pool:${source.pool}/${source.quoteToken}`;
    default: {
      const never: never = source;
      throw new Error(`unknown price source ${JSON.stringify(never)}`);
    }
  }
}

/** The OLAP row of an analyzed trade. */
export function pricedTradeRow(a: AnalyzedTrade): PricedTrade {
  const { trade, pricing } = a;
  return {
    chainId: trade.chainId,
    blockNumber: trade.blockNumber,
    blockHash: trade.blockHash,
    logIndex: trade.logIndex,
    timestamp: trade.timestamp,
    txHash: trade.txHash,
    protocol: trade.protocol,
    pool: trade.pool,
    trader: trade.trader,
    baseToken: pricing.baseToken,
    quoteToken: pricing.quoteToken,
    side: a.side,
    baseAmount: a.baseAmount.toString(),
    quoteAmount: a.quoteAmount.toString(),
    priceQuote: text(a.priceQuote),
    priceUsd: text(pricing.priceUsd),
    volumeUsd: text(pricing.volumeUsd),
    feeUsd: text(pricing.feeUsd),
    gasFeeUsd: text(a.gasFeeUsd),
    priceSource: describeSource(pricing.source),
    realizedPnlUsd: text(a.realizedPnlUsd),
    closesPosition: a.closesPosition,
    isWin: a.isWin,
  };
}

export function tokenPriceRow(
  price: TokenPrice,
  block: { chainId: number; blockNumber: number; blockHash: string; timestamp: number },
): TokenPriceRecord {
  return {
    ...block,
    token: price.token,
    priceUsd: formatFixed(price.priceUsd),
    source: describeSource(price),
  };
}
