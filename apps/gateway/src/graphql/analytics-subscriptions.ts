import type { CandleInterval } from '@tidemark/domain';
import type { Logger } from 'pino';
import type { AnalyticsFanout, CandleUpdateView, WalletUpdateView } from '../live/analytics-fanout';
import { toChainId, toOptionalChainId } from './analytics-arguments';
import type { LiveContext } from './resolvers';

export interface AnalyticsSubscriptionDeps {
  updates: AnalyticsFanout;
  logger: Logger;
}

interface CandleUpdatedArgs {
  chainId: number;
  /** Lower case: the Address scalar normalises it. */
  pool: string;
  interval: CandleInterval;
}

interface WalletUpdatedArgs {
  address: string;
  chainId?: number | null;
}

/** A subscriber too slow for its queue loses its connection (and may reconnect, then re-query). */
function dropper(deps: AnalyticsSubscriptionDeps, context: LiveContext, what: string) {
  return () => {
    deps.logger.warn(
      { event: 'live.subscriber_dropped', subscription: what },
      'subscriber too slow, dropping',
    );
    context.dropConnection('subscriber too slow');
  };
}

/** `candleUpdated` and `walletUpdated`, fed by the analytics-updates topic through the fan-out. */
export function analyticsSubscriptions(deps: AnalyticsSubscriptionDeps) {
  return {
    candleUpdated: {
      subscribe: (_parent: unknown, args: CandleUpdatedArgs, context: LiveContext) => {
        const follow = { ...args, chainId: toChainId(args.chainId) };
        return deps.updates.subscribeCandles(follow, dropper(deps, context, 'candleUpdated'));
      },
      resolve: (update: CandleUpdateView) => update,
    },
    walletUpdated: {
      subscribe: (_parent: unknown, args: WalletUpdatedArgs, context: LiveContext) => {
        const follow = { address: args.address, chainId: toOptionalChainId(args.chainId) };
        return deps.updates.subscribeWallet(follow, dropper(deps, context, 'walletUpdated'));
      },
      resolve: (update: WalletUpdateView) => update,
    },
  };
}
