import type { TradeFilter } from '@tidemark/domain';
import { badUserInput } from './errors';

export const defaultPageSize = 20;
export const maxPageSize = 100;

/** The `TradeFilter` input as graphql-js hands it over (scalars already checked and lower-cased). */
export interface TradeFilterInput {
  chainId?: number | null;
  pool?: string | null;
  trader?: string | null;
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

export function toPageSize(first: number | null | undefined): number {
  if (first == null) return defaultPageSize;
  if (first < 1 || first > maxPageSize) {
    throw badUserInput(`invalid "first" ${first}: expected an integer from 1 to ${maxPageSize}`);
  }
  return first;
}
