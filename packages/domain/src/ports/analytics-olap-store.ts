import type { AnalyticsReader } from './analytics-reader';
import type { AnalyticsWriter } from './analytics-writer';
import type { PortfolioOlapStore } from './portfolio-olap';

/**
 * The whole analytics OLAP store (ClickHouse or chDB): priced trades, candles, wallet activity,
 * token prices and pool states, both sides. The adapter implements it and the process that opens
 * it owns it; hand each user only the side it needs (the API gets an `AnalyticsReader`).
 */
export interface AnalyticsOlapStore extends AnalyticsWriter, AnalyticsReader {
  /** Wallet balances from transfers, on the same backend (both sides). */
  readonly portfolio: PortfolioOlapStore;
  close(): Promise<void>;
}
