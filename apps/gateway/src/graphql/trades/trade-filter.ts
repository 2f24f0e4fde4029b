import type { TradeFilter } from '@tidemark/domain';
import { badUserInput } from '../server/errors';

/** The `TradeFilter` input as graphql-js hands it over (scalars already checked and lower-cased). */
export interface TradeFilterInput {
  chainId?: number | null;
  pool?: string | null;
  trader?: string | null;
  finalizedOnly?: boolean | null;
}

export function toTradeFilter(input: TradeFilterInput | null | undefined): TradeFilter {
  const filter: TradeFilter = {};
  if (input == null) return filter;
  if (input.chainId != null) {
    if (input.chainId <= 0)
      throw badUserInput(`invalid filter.chainId ${input.chainId}: expected a positive chain id`);
    filter.chainId = input.chainId;
  }
  if (input.pool != null) filter.pool = input.pool;
  if (input.trader != null) filter.trader = input.trader;
  return filter;
}

/** A subscription's filter: live trades are pushed before they are final, so none is final-only. */
export function toLiveTradeFilter(input: TradeFilterInput | null | undefined): TradeFilter {
  if (input?.finalizedOnly === true)
    throw badUserInput(
      'invalid filter.finalizedOnly: subscriptions push trades as they are indexed, before they are final; query trades(filter: { finalizedOnly: true }) instead',
    );
  return toTradeFilter(input);
}
