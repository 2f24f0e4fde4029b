import type { RetractionView } from '../../live/retraction-fanout';
import type { LiveContext, ResolverDeps } from '../context';
import { dropSlowSubscriber } from '../server/slow-subscriber';
import { toLiveTradeFilter, type TradeFilterInput } from './trade-filter';
import type { TradeView } from './trade-view';

type TradeSubscriptionDeps = Pick<ResolverDeps, 'fanout' | 'retractions' | 'logger'>;

interface LiveTradeArgs {
  filter?: TradeFilterInput | null;
}

/** A live trade subscription on one fan-out; a subscriber too slow for its queue is dropped. */
function onFanout<T>(
  deps: TradeSubscriptionDeps,
  source: TradeSubscriptionDeps['fanout'] | TradeSubscriptionDeps['retractions'],
  message: string,
) {
  return {
    subscribe: (_parent: unknown, args: LiveTradeArgs, context: LiveContext) => {
      const filter = toLiveTradeFilter(args.filter);
      const drop = dropSlowSubscriber(deps.logger, context, { chainId: filter.chainId }, message);
      return source.subscribe(filter, drop);
    },
    resolve: (value: T) => value,
  };
}

/** `tradeExecuted` and `tradesRetracted`, fed by the chain-events topic through the fan-outs. */
export function tradeSubscriptions(deps: TradeSubscriptionDeps) {
  return {
    tradeExecuted: onFanout<TradeView>(deps, deps.fanout, 'subscriber too slow, dropping'),
    tradesRetracted: onFanout<RetractionView>(
      deps,
      deps.retractions,
      'retraction subscriber too slow, dropping',
    ),
  };
}
