import { poolAddress, random, walletAddress, type TradeShape } from './synthetic-trades';

/** The kinds of GraphQL request the benchmark sends, each reported on its own. */
export const QUERY_KINDS = [
  'leaderboard',
  'candles',
  'walletActivity',
  'walletPositions',
  'walletPnlHistory',
  'pools',
  'poolStats',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchRequest {
  kind: QueryKind;
  query: string;
  variables: Record<string, unknown>;
}

/** Share of each kind in the mix (sums to 1). */
const weights: Record<QueryKind, number> = {
  leaderboard: 0.25,
  candles: 0.2,
  walletActivity: 0.15,
  walletPositions: 0.1,
  walletPnlHistory: 0.1,
  pools: 0.1,
  poolStats: 0.1,
};

const totals = 'volumeUsd feesUsd gasFeesUsd realizedPnlUsd trades closes wins winRate';
const stats = `volume24hUsd trades24h buys24h sells24h priceUsd liquidityUsd
  priceChange { m5 h1 h6 h24 }`;

const queries: Record<QueryKind, string> = {
  leaderboard: `query($metric: LeaderboardOrderField!, $window: ActivityWindow!, $chainId: Int) {
    leaderboard(window: $window, orderBy: { field: $metric, direction: DESC },
      filter: { chainId: $chainId }, first: 20) {
      edges { cursor node { rank address totals { window ${totals} } } }
      pageInfo { hasNextPage endCursor } } }`,
  candles: `query($chainId: Int!, $pool: Address!, $interval: CandleInterval!) {
    candles(chainId: $chainId, pool: $pool, interval: $interval, first: 100) { edges { node {
      time openUsd highUsd lowUsd closeUsd open high low close volumeUsd baseVolume quoteVolume
      trades buys sells uniqueTraders } } } }`,
  walletActivity: `query($address: Address!, $chainId: Int, $window: ActivityWindow!) {
    wallet(address: $address, chainId: $chainId) { address activity(window: $window) { window ${totals} } } }`,
  walletPositions: `query($address: Address!, $chainId: Int) {
    wallet(address: $address, chainId: $chainId) { address
      positions(first: 100) { edges { node { chainId token decimals quantity costBasisUsd
        averageCostUsd realizedPnlUsd untrackedQuantity cash priceUsd valueUsd unrealizedPnlUsd } } }
      totals { realizedPnlUsd unrealizedPnlUsd pricedUnrealizedPnlUsd unpricedPositions } } }`,
  walletPnlHistory: `query($address: Address!, $chainId: Int, $bucket: PnlBucket!, $from: Int) {
    wallet(address: $address, chainId: $chainId) { address
      pnlHistory(bucket: $bucket, filter: { from: $from }, first: 1000) {
        edges { node { time realizedPnlUsd cumulativeRealizedPnlUsd } } } } }`,
  pools: `query($chainId: Int) {
    pools(filter: { chainId: $chainId }, first: 20) { edges { cursor node { chainId address stats { ${stats} } } }
      pageInfo { hasNextPage endCursor } } }`,
  poolStats: `query($chainId: Int!, $address: Address!) {
    pool(chainId: $chainId, address: $address) { chainId address stats { ${stats} } } }`,
};

const METRICS = ['VOLUME', 'REALIZED_PNL', 'WIN_RATE'];
const WINDOWS = ['H24', 'D7', 'D30', 'ALL'];
const INTERVALS = ['M1', 'M5', 'M15', 'H1', 'H4', 'D1'];

/**
 * A deterministic stream of requests in the mix above. Pools and wallets are picked with the data's
 * own skew (index = N x u^3), so busy ones, whose reads are the largest, come up most.
 */
export function requestStream(
  shape: TradeShape,
  ledgerWallets: number,
  now: number,
  seed = 7,
): () => BenchRequest {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const skewed = (n: number) => Math.floor(n * rand() ** 3);
  const chain = () => (rand() < 0.5 ? null : pick([1, 2]));
  const kinds = Object.entries(weights) as [QueryKind, number][];
  const variables: Record<QueryKind, () => Record<string, unknown>> = {
    leaderboard: () => ({ metric: pick(METRICS), window: pick(WINDOWS), chainId: chain() }),
    candles: () => {
      const chainId = pick([1, 2]);
      return {
        chainId,
        pool: poolAddress(chainId, skewed(shape.pools)),
        interval: pick(INTERVALS),
      };
    },
    walletActivity: () => ({
      address: walletAddress(skewed(shape.wallets)),
      chainId: chain(),
      window: pick(WINDOWS),
    }),
    walletPositions: () => ({
      address: walletAddress(Math.floor(rand() * ledgerWallets)),
      chainId: chain(),
    }),
    walletPnlHistory: () => {
      const hourly = rand() < 0.5;
      return {
        address: walletAddress(skewed(shape.wallets)),
        chainId: chain(),
        bucket: hourly ? 'H1' : 'D1',
        // Hourly over the last 7 days, daily over the whole history.
        from: hourly ? now - 7 * 86_400 : shape.start,
      };
    },
    pools: () => ({ chainId: chain() }),
    poolStats: () => {
      const chainId = pick([1, 2]);
      return { chainId, address: poolAddress(chainId, skewed(shape.pools)) };
    },
  };
  return () => {
    let r = rand();
    const [kind] = kinds.find(([, w]) => (r -= w) < 0) ?? kinds[0]!;
    return { kind, query: queries[kind], variables: variables[kind]() };
  };
}
