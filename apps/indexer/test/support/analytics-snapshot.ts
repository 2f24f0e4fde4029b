import {
  ANALYTICS_CONSUMER,
  LEDGER_KEY,
  CANDLE_INTERVALS,
  type AnalyticsOlapStore,
  type OltpStore,
} from '@tidemark/domain';

/** Everything the analytics role derived for one chain, in a form two runs can be compared by. */
export interface AnalyticsSnapshot {
  ledgers: Record<string, unknown>;
  pools: Record<string, unknown>;
  candles: unknown[];
  leaderboard: unknown[];
  tokenPrices: unknown[];
}

const FAR_FUTURE = 4_000_000_000;

export async function snapshotAnalytics(
  oltp: OltpStore,
  analytics: AnalyticsOlapStore,
  chainId: number,
  tokens: readonly string[],
): Promise<AnalyticsSnapshot> {
  const ledgers = await oltp.state.loadPrefix(ANALYTICS_CONSUMER, chainId, LEDGER_KEY, 100_000);
  const pools = await oltp.state.loadPrefix(ANALYTICS_CONSUMER, chainId, 'pool:', 100_000);
  const candles = [];
  for (const pool of pools.keys())
    for (const interval of CANDLE_INTERVALS)
      candles.push(
        ...(await analytics.candles({
          chainId,
          pool: pool.slice('pool:'.length),
          interval,
          from: 0,
          to: FAR_FUTURE,
          limit: 10_000,
        })),
      );
  const leaderboard = [];
  for (const metric of ['volume', 'realizedPnl', 'winRate'] as const)
    leaderboard.push(
      ...(
        await analytics.leaderboard({
          metric,
          window: 'all',
          chainId,
          now: FAR_FUTURE,
          first: 100,
          minCloses: 1,
        })
      ).entries,
    );
  const tokenPrices = await Promise.all(tokens.map((t) => analytics.tokenPrice(chainId, t)));
  return {
    ledgers: Object.fromEntries(ledgers),
    pools: Object.fromEntries(pools),
    candles,
    leaderboard,
    tokenPrices,
  };
}
