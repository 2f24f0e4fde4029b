import type { CandleInterval } from '@tidemark/domain';
import type { CandleUpdateView } from '../../live/analytics-fanout';
import type { LiveContext, ResolverDeps } from '../context';
import { dropSlowSubscriber } from '../server/slow-subscriber';
import { toChainId } from './market-arguments';

interface CandleUpdatedArgs {
  chainId: number;
  /** Lower case: the Address scalar normalises it. */
  pool: string;
  interval: CandleInterval;
}

/** `candleUpdated`, fed by the analytics-updates topic through the fan-out. */
export function candleUpdated(deps: Pick<ResolverDeps, 'updates' | 'logger'>) {
  return {
    subscribe: (_parent: unknown, args: CandleUpdatedArgs, context: LiveContext) => {
      const follow = { ...args, chainId: toChainId(args.chainId) };
      const fields = { subscription: 'candleUpdated' };
      const drop = dropSlowSubscriber(
        deps.logger,
        context,
        fields,
        'subscriber too slow, dropping',
      );
      return deps.updates.subscribeCandles(follow, drop);
    },
    resolve: (update: CandleUpdateView) => update,
  };
}
