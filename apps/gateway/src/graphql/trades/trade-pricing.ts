import type { AnalyticsReader, PricedTrade, PricedTradeKey } from '@tidemark/domain';
import type { TradeView } from './trade-view';

/** A trade as resolvers see it: with a way to its USD figures when it came from a query page. */
export interface TradeNode extends TradeView {
  /** Its priced row, or null while the analytics role has not priced it. Absent on live pushes. */
  readonly priced?: () => Promise<PricedTrade | null>;
}

const keyText = (k: { chainId: number; blockHash: string; logIndex: number }) =>
  `${k.chainId}:${k.blockHash.toLowerCase()}:${k.logIndex}`;

/**
 * Gives each trade of a page access to its priced row. The page's rows are read with one store
 * call, the first time any trade's USD field is resolved, and never when none is asked for.
 */
export function withPricing(
  trades: readonly TradeView[],
  analytics: Pick<AnalyticsReader, 'pricedTrades'>,
): TradeNode[] {
  let page: Promise<Map<string, PricedTrade>> | undefined;
  const load = () =>
    (page ??= analytics
      .pricedTrades(
        trades.map((t): PricedTradeKey => ({
          chainId: t.chainId,
          blockHash: t.blockHash,
          logIndex: t.logIndex,
          timestamp: t.timestamp,
        })),
      )
      .then((rows) => new Map(rows.map((row) => [keyText(row), row]))));
  return trades.map((trade) => ({
    ...trade,
    priced: async () => (await load()).get(keyText(trade)) ?? null,
  }));
}

async function pricedField<K extends keyof PricedTrade>(
  trade: TradeNode,
  field: K,
): Promise<PricedTrade[K] | null> {
  if (!trade.priced) return null;
  const row = await trade.priced();
  return row === null ? null : row[field];
}

/** The `Trade` fields that come from the analytics role. */
export const tradePricingResolvers = {
  baseToken: (trade: TradeNode) => pricedField(trade, 'baseToken'),
  quoteToken: (trade: TradeNode) => pricedField(trade, 'quoteToken'),
  side: (trade: TradeNode) => pricedField(trade, 'side'),
  priceUsd: (trade: TradeNode) => pricedField(trade, 'priceUsd'),
  volumeUsd: (trade: TradeNode) => pricedField(trade, 'volumeUsd'),
  feeUsd: (trade: TradeNode) => pricedField(trade, 'feeUsd'),
  gasFeeUsd: (trade: TradeNode) => pricedField(trade, 'gasFeeUsd'),
};
