import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR, NOW, byteAddress } from './support/analytics';
import { graphql, startHarness, type Harness } from './support/harness';
import {
  ALT,
  TK2,
  TKN,
  USD2,
  USDC,
  W1,
  seedWallets,
  totals,
  totalsFields,
} from './support/wallet-fixtures';

const NEVER = byteAddress('a9');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness('analytics-wallets');
  await seedWallets(harness);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

type Row = Record<string, unknown>;
const positionFields = `chainId token decimals quantity costBasisUsd averageCostUsd realizedPnlUsd
  untrackedQuantity cash priceUsd valueUsd unrealizedPnlUsd`;

const variableTypes: Record<string, string> = {
  chainId: 'Int',
  closed: 'Boolean',
  window: 'ActivityWindow',
  from: 'Int',
  to: 'Int',
  bucket: 'PnlBucket',
};

/** `wallet(...)` with `fields`, declaring the variables the fields use. */
async function walletData(variables: Row, fields: string) {
  const declared = Object.entries(variableTypes)
    .filter(([name]) => fields.includes(`$${name}`) || name === 'chainId')
    .map(([name, type]) => `, $${name}: ${type}`)
    .join('');
  const result = await graphql<{ wallet: Row }>(
    harness.gateway.url,
    `query($address: Address!${declared}) {
      wallet(address: $address, chainId: $chainId) { ${fields} }
    }`,
    variables,
  );
  expect(result.errors).toBeUndefined();
  return nodesOf(result.data!.wallet);
}

/** The wallet with each connection replaced by its nodes, to compare lists as lists. */
function nodesOf(wallet: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(wallet)) {
    const edges = (value as { edges?: { node: unknown }[] } | null)?.edges;
    out[key] = edges === undefined ? value : edges.map((e) => e.node);
  }
  return out;
}

/** Space-separated figures, "-" for null. */
const figures = (text: string) => text.split(' ').map((f) => (f === '-' ? null : f));

/** A `Position`: "quantity cost average realized untracked", then "price value unrealized". */
function position(
  chainId: number,
  token: string,
  decimals: number,
  cash: boolean,
  held: string,
  market: string,
) {
  const [quantity, costBasisUsd, averageCostUsd, realizedPnlUsd, untrackedQuantity] = figures(held);
  const [priceUsd, valueUsd, unrealizedPnlUsd] = figures(market);
  return {
    ...{ chainId, token, decimals, quantity, costBasisUsd, averageCostUsd, realizedPnlUsd },
    ...{ untrackedQuantity, cash, priceUsd, valueUsd, unrealizedPnlUsd },
  };
}

const usdcHeld = position(1, USDC, 6, true, '280000000 280 1 0 1000000000', '1 280 0');
const tknHeld = position(
  1,
  TKN,
  18,
  false,
  `${6n * 10n ** 18n} 600.3 100.05 79.6 0`,
  '150 900 299.7',
);
const altUnpriced = position(1, ALT, 8, false, '10000000000 200.1 2.001 0 0', '- - -');
const usd2Held = position(2, USD2, 6, true, '40000000 40 1 0 50000000', '1 40 0');
const tk2Closed = position(2, TK2, 18, false, '0 0 - -10 0', '45 0 0');

describe('wallet positions and totals', () => {
  it('lists held positions on every chain at current prices, null where a token has no price', async () => {
    const wallet = await walletData(
      { address: W1 },
      `address chainId positions { edges { node { ${positionFields} } } }`,
    );
    expect(wallet).toEqual({
      address: W1,
      chainId: null,
      positions: [usdcHeld, tknHeld, altUnpriced, usd2Held],
    });
  });

  it('adds closed positions with their realized PnL when asked', async () => {
    const wallet = await walletData(
      { address: W1, chainId: 2, closed: true },
      `chainId positions(filter: { includeClosed: $closed }) { edges { node { ${positionFields} } } }`,
    );
    expect(wallet).toEqual({ chainId: 2, positions: [tk2Closed, usd2Held] });
  });

  it('pages positions both ways by chain and token, with their count', async () => {
    const page = async (args: string) => {
      const result = await graphql<{ wallet: { positions: Row } }>(
        harness.gateway.url,
        `{ wallet(address: "${W1}") { positions(${args}) { totalCount
          edges { cursor node { chainId token } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.wallet.positions as {
        totalCount: number;
        edges: { node: { token: string } }[];
        pageInfo: Record<string, unknown>;
      };
    };
    const first = await page('first: 3');
    expect(first.totalCount).toBe(4);
    expect(first.edges.map((e) => e.node.token)).toEqual(
      [usdcHeld, tknHeld, altUnpriced].map((p) => p.token),
    );
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const rest = await page(`first: 3, after: "${first.pageInfo.endCursor as string}"`);
    expect(rest.edges.map((e) => e.node.token)).toEqual([usd2Held.token]);
    const back = await page(`last: 2, before: "${rest.pageInfo.startCursor as string}"`);
    expect(back.edges.map((e) => e.node.token)).toEqual([tknHeld.token, altUnpriced.token]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('totals realized PnL, and unrealized PnL only when every held position is priced', async () => {
    const totals =
      'totals { realizedPnlUsd unrealizedPnlUsd pricedUnrealizedPnlUsd unpricedPositions }';
    expect(await walletData({ address: W1 }, totals)).toEqual({
      totals: {
        realizedPnlUsd: '69.6',
        unrealizedPnlUsd: null,
        pricedUnrealizedPnlUsd: '299.7',
        unpricedPositions: 1,
      },
    });
    expect(await walletData({ address: W1, chainId: 2 }, totals)).toEqual({
      totals: {
        realizedPnlUsd: '-10',
        unrealizedPnlUsd: '0',
        pricedUnrealizedPnlUsd: '0',
        unpricedPositions: 0,
      },
    });
  });

  it('answers zeros and no positions for a wallet that never traded', async () => {
    const wallet = await walletData(
      { address: NEVER },
      `activity { trades volumeUsd winRate } positions { edges { node { token } } }
       pnlHistory { edges { node { time } } }
       totals { realizedPnlUsd unrealizedPnlUsd unpricedPositions }`,
    );
    expect(wallet).toEqual({
      activity: { trades: 0, volumeUsd: '0', winRate: null },
      positions: [],
      pnlHistory: [],
      totals: { realizedPnlUsd: '0', unrealizedPnlUsd: '0', unpricedPositions: 0 },
    });
  });
});

describe('wallet activity and PnL history', () => {
  it.each([
    ['ALL', totals('ALL', '1770 5.31 0.8 69.6', [5, 2, 1], '0.5')],
    ['D30', totals('D30', '1720 5.16 0.8 69.6', [4, 2, 1], '0.5')],
    ['D7', totals('D7', '720 2.16 0.3 69.6', [3, 2, 1], '0.5')],
    ['H24', totals('H24', '240 0.72 0.1 -10', [2, 1, 0], '0')],
  ])('sums the %s window across chains', async (window, expected) => {
    const wallet = await walletData(
      { address: W1, window },
      `activity(window: $window) { ${totalsFields} }`,
    );
    expect(wallet.activity).toEqual(expected);
  });

  it('defaults to ALL and keeps to one chain when asked', async () => {
    const wallet = await walletData({ address: W1, chainId: 1 }, `activity { ${totalsFields} }`);
    expect(wallet.activity).toEqual(totals('ALL', '1680 5.04 0.8 79.6', [3, 1, 1], '1'));
  });

  it('gives daily realized PnL over the last 30 days by default, with the running total', async () => {
    const wallet = await walletData(
      { address: W1 },
      'pnlHistory { edges { node { time realizedPnlUsd cumulativeRealizedPnlUsd } } }',
    );
    const day = (t: number) => t - (t % DAY);
    expect(wallet.pnlHistory).toEqual([
      { time: day(NOW - 10 * DAY), realizedPnlUsd: '0', cumulativeRealizedPnlUsd: '0' },
      { time: day(NOW - 3 * DAY), realizedPnlUsd: '79.6', cumulativeRealizedPnlUsd: '79.6' },
      { time: day(NOW), realizedPnlUsd: '-10', cumulativeRealizedPnlUsd: '69.6' },
    ]);
  });

  it('gives hourly points of a range, the running total counting what came before it', async () => {
    const wallet = await walletData(
      { address: W1, from: NOW - 2 * DAY, bucket: 'H1' },
      `pnlHistory(filter: { from: $from, to: $to }, bucket: $bucket) {
        edges { node { time realizedPnlUsd cumulativeRealizedPnlUsd } } }`,
    );
    const hour = (t: number) => t - (t % HOUR);
    expect(wallet.pnlHistory).toEqual([
      { time: hour(NOW - 2 * HOUR), realizedPnlUsd: '0', cumulativeRealizedPnlUsd: '79.6' },
      { time: hour(NOW - HOUR), realizedPnlUsd: '-10', cumulativeRealizedPnlUsd: '69.6' },
    ]);
  });
});
