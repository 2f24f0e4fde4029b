import {
  parseFixed,
  Topics,
  type AnalyticsOlapStore,
  type CostMethod,
  type EventBus,
  type OltpStore,
} from '@tidemark/domain';
import type { CanonicalEvent } from '@tidemark/schema';
import type { Logger } from 'pino';
import type { ChainConfig } from '../../config/chains';
import { pricingFor } from '../../config/pricing';
import type { StartedRole } from '../role-starter';
import { ChainAnalytics } from './chain-analytics';
import { PortfolioChains } from './portfolio-consumer/portfolio-chains';
import { TokenDecimals } from './token-decimals';
import { updateKeysOf } from './update-keys';
import { UpdatePublisher } from './update-publisher';

const ANALYTICS_GROUP = 'tidemark-analytics';

export interface AnalyticsRoleDeps {
  bus: EventBus;
  oltp: OltpStore;
  /** Opened only where this role runs; the role does not start without it. */
  analytics?: AnalyticsOlapStore;
  chains: readonly ChainConfig[];
  /** How sales are costed; default `average`. */
  costMethod?: CostMethod;
  logger: Logger;
}

/** The events of a batch per chain, each chain's in their order. */
function byChain(events: readonly CanonicalEvent[]): Map<number, CanonicalEvent[]> {
  const out = new Map<number, CanonicalEvent[]>();
  for (const event of events) {
    const list = out.get(event.chainId) ?? [];
    list.push(event);
    out.set(event.chainId, list);
  }
  return out;
}

/**
 * The leaderboard snapshots of each window are taken when the hour turns, between two batches:
 * the store asks that they are not written while its other writes run.
 */
function hourlyRefresh(
  analytics: AnalyticsOlapStore,
  clock: () => number = () => Date.now() / 1000,
): () => Promise<void> {
  let lastHour = -1;
  return async () => {
    const now = Math.floor(clock());
    const hour = Math.floor(now / 3600);
    if (hour === lastHour) return;
    await analytics.refreshLeaderboards(now);
    lastHour = hour;
  };
}

/**
 * Each chain's analytics, made on its first batch: null (said once in the log) for a chain
 * without pricing, configured or well known.
 */
function chainAnalyticsOf(
  deps: AnalyticsRoleDeps,
  analytics: AnalyticsOlapStore,
): (chainId: number) => ChainAnalytics | null {
  const { logger, oltp } = deps;
  const perChain = new Map<number, ChainAnalytics | null>();
  return (chainId) => {
    if (perChain.has(chainId)) return perChain.get(chainId) ?? null;
    const config = deps.chains.find((c) => c.id === chainId);
    const pricing = config && pricingFor(chainId, config.pricing);
    if (!pricing) {
      logger.info(
        { event: 'analytics.chain_unpriced', chainId },
        'no pricing for this chain (set its `pricing`): no USD figures or PnL for it',
      );
      perChain.set(chainId, null);
      return null;
    }
    const chain = new ChainAnalytics(chainId, {
      pricing: { chainId, ...pricing, minLiquidityUsd: parseFixed(pricing.minLiquidityUsd) },
      costMethod: deps.costMethod ?? 'average',
      state: oltp.state,
      olap: analytics,
      pools: (addresses) => oltp.findPools(chainId, addresses),
      decimals: new TokenDecimals(oltp, chainId),
      logger,
    });
    perChain.set(chainId, chain);
    return chain;
  };
}

/**
 * Prices trades and keeps wallet PnL for every configured chain with pricing, and hosts the
 * portfolio consumer (balances of every configured chain): both read the same batches of the
 * analytics group, each with its own position in the consumer state store.
 */
export async function startAnalyticsRole(deps: AnalyticsRoleDeps): Promise<StartedRole> {
  const { logger, analytics } = deps;
  if (!analytics) throw new Error('the analytics role needs the analytics OLAP store');
  const analyticsOf = chainAnalyticsOf(deps, analytics);
  const refreshLeaderboards = hourlyRefresh(analytics);
  const updates = new UpdatePublisher({ bus: deps.bus, olap: analytics, logger });
  const portfolios = new PortfolioChains({
    chains: deps.chains,
    state: deps.oltp.state,
    store: analytics.portfolio,
    logger,
  });
  const subscription = await deps.bus.subscribe({
    topic: Topics.chainEvents,
    group: ANALYTICS_GROUP,
    handler: async (events) => {
      await refreshLeaderboards();
      for (const [chainId, list] of byChain(events)) {
        const outcome = await analyticsOf(chainId)?.handle(list);
        // After the commit; a failure redelivers the batch, which announces again.
        const keys = outcome && updateKeysOf(list, outcome.retracted);
        if (keys) await updates.publish(chainId, keys);
        if (outcome && outcome.trades.length > 0)
          logger.debug(
            {
              event: 'analytics.batch',
              chainId,
              trades: outcome.trades.length,
              wallets: outcome.wallets.size,
            },
            'trades priced and booked',
          );
        await portfolios.handle(chainId, list);
      }
    },
  });
  return { stop: () => subscription.unsubscribe().finally(() => portfolios.close()) };
}
