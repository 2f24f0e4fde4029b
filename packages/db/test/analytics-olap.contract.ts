import type { AnalyticsOlapStore } from '@tidemark/domain';
import { beforeEach, describe } from 'vitest';
import { candleTests } from './analytics-candles.contract';
import { historyTests } from './analytics-history.contract';
import { marketTests } from './analytics-market.contract';
import { pricedTradeTests } from './analytics-priced-trades.contract';
import { leaderboardTests, winRateTests } from './analytics-wallets.contract';
import { closeAfterEach, type StoreLocation } from './store-location';

/**
 * The behaviour every AnalyticsOlapStore adapter must show; `newLocation` gives each test empty
 * storage. Every figure is compared as text, so a float anywhere on the way would show.
 */
export function describeAnalyticsOlapContract(
  label: string,
  newLocation: () => Promise<StoreLocation<AnalyticsOlapStore>>,
): void {
  describe(`AnalyticsOlapStore contract: ${label}`, () => {
    const track = closeAfterEach<AnalyticsOlapStore>();
    let store: AnalyticsOlapStore;

    beforeEach(async () => {
      store = track(await (await newLocation()).open());
    });

    const current = () => store;
    describe('candles', () => candleTests(current));
    describe('leaderboards', () => {
      leaderboardTests(current);
      winRateTests(current);
    });
    describe('wallet activity and PnL history', () => historyTests(current));
    describe('pool stats and token prices', () => marketTests(current));
    describe('priced trades by key', () => pricedTradeTests(current));
  });
}
