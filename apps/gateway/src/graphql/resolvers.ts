import type { ResolverDeps } from './context';
import { identityResolvers } from './identity/identity-resolvers';
import { marketResolvers } from './market/market-resolvers';
import { pageInfoResolvers } from './paging/paging';
import { AddressScalar, BigIntScalar, DecimalScalar } from './server/scalars';
import { tradeResolvers } from './trades/trade-resolvers';
import { walletResolvers } from './wallet/wallet-resolvers';

/** The whole resolver map: each area's map, their root types merged. */
export function buildResolvers(deps: ResolverDeps) {
  const trades = tradeResolvers(deps);
  const market = marketResolvers(deps);
  const wallet = walletResolvers(deps);
  const identity = identityResolvers(deps);
  return {
    ...trades,
    ...market,
    ...wallet,
    ...identity,
    Address: AddressScalar,
    BigInt: BigIntScalar,
    Decimal: DecimalScalar,
    PageInfo: pageInfoResolvers,
    Query: { ...trades.Query, ...market.Query, ...wallet.Query, ...identity.Query },
    Mutation: identity.Mutation,
    Subscription: {
      ...trades.Subscription,
      ...market.Subscription,
      ...wallet.Subscription,
      ...identity.Subscription,
    },
  };
}
