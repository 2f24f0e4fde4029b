import type { RetractionView } from '../../live/retraction-fanout';
import type { LiveContext, ResolverDeps } from '../context';
import { dropSlowSubscriber } from '../server/slow-subscriber';
import { toLiveTradeFilter, type TradeFilterInput } from './trade-filter';
import type { TradeView } from './trade-view';

type TradeSubscriptionDeps = Pick<ResolverDeps, 'fanout' | 'retractions' | 'logger'>;

interface LiveTradeArgs {
  filter?: TradeFilterInput | null;
}

/** `tradeExecuted` and `tradesRetracted`, fed by the chain-events topic through the fan-outs. */
export function tradeSubscriptions(deps: TradeSubscriptionDeps) {
  return {
    tradeExecuted: {
      subscribe: (_parent: unknown, args: LiveTradeArgs, context: LiveContext) => {
        const filter = toLiveTradeFilter(args.filter);
        const fields = { chainId: filter.chainId };
        const message = 'subscriber too slow, dropping';
        return deps.fanout.subscribe(
          filter,
          dropSlowSubscriber(deps.logger, context, fields, message),
        );
      },
      resolve: (trade: TradeView) => trade,
    },
    tradesRetracted: {
      subscribe: (_parent: unknown, args: LiveTradeArgs, context: LiveContext) => {
        const filter = toLiveTradeFilter(args.filter);
        const fields = { chainId: filter.chainId };
        const message = 'retraction subscriber too slow, dropping';
        return deps.retractions.subscribe(
          filter,
          dropSlowSubscriber(deps.logger, context, fields, message),
        );
      },
      resolve: (retraction: RetractionView) => retraction,
    },
  };
}
