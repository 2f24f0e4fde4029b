import type { WalletUpdateView } from '../../live/analytics-fanout';
import type { LiveContext, ResolverDeps } from '../context';
import { toOptionalChainId } from '../market/market-arguments';
import { dropSlowSubscriber } from '../server/slow-subscriber';

interface WalletUpdatedArgs {
  address: string;
  chainId?: number | null;
}

/** `walletUpdated`, fed by the analytics-updates topic through the fan-out. */
export function walletUpdated(deps: Pick<ResolverDeps, 'updates' | 'logger'>) {
  return {
    subscribe: (_parent: unknown, args: WalletUpdatedArgs, context: LiveContext) => {
      const follow = { address: args.address, chainId: toOptionalChainId(args.chainId) };
      const fields = { subscription: 'walletUpdated' };
      const drop = dropSlowSubscriber(
        deps.logger,
        context,
        fields,
        'subscriber too slow, dropping',
      );
      return deps.updates.subscribeWallet(follow, drop);
    },
    resolve: (update: WalletUpdateView) => update,
  };
}
