import type { Address } from 'viem';

export interface SimToken {
  address: Address;
  symbol: string;
  decimals: number;
}

export interface SimPair {
  address: Address;
  token0: SimToken;
  token1: SimToken;
}

export interface Reserves {
  reserve0: bigint;
  reserve1: bigint;
}

type TraderKind = 'whale' | 'retail';

export interface Trader {
  address: Address;
  kind: TraderKind;
}

/** What the planners see of the market in one round: pools, their reserves and target prices. */
export interface MarketView {
  pairs: readonly SimPair[];
  reserves: ReadonlyMap<Address, Reserves>;
  /** Target USD price per token symbol, 18-decimal fixed point. */
  prices: ReadonlyMap<string, bigint>;
  weth: Address;
}

export function reservesOf(view: MarketView, pair: SimPair): Reserves {
  const reserves = view.reserves.get(pair.address);
  if (!reserves) throw new Error(`No reserves read for pair ${pair.address}`);
  return reserves;
}

export function priceOf(view: MarketView, token: SimToken): bigint {
  const price = view.prices.get(token.symbol);
  if (price === undefined) throw new Error(`No price for token ${token.symbol}`);
  return price;
}

export function findPair(view: MarketView, a: Address, b: Address): SimPair | undefined {
  return view.pairs.find(
    (pair) =>
      (pair.token0.address === a && pair.token1.address === b) ||
      (pair.token0.address === b && pair.token1.address === a),
  );
}
