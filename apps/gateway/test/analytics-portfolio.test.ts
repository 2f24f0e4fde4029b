import type { BalanceDeltaRecord } from '@tidemark/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { D, DAY, HOUR, NOW, blockHashOf, byteAddress } from './support/analytics';
import { graphql, startHarness, type Harness } from './support/harness';

const W = byteAddress('c1');
const TKN = byteAddress('01');
const USDC = byteAddress('02');
const ODD = byteAddress('03');
const ALT = byteAddress('04');
const TK2 = byteAddress('05');
const E18 = 10n ** 18n;
let harness: Harness;

/** A delta of W at `block`, `at` seconds, of `delta` raw units. */
function delta(
  chainId: number,
  token: string,
  block: number,
  at: number,
  value: bigint,
  kind: BalanceDeltaRecord['kind'],
  logIndex = 0,
): BalanceDeltaRecord {
  const blockHash = blockHashOf(chainId, block);
  return {
    chainId,
    wallet: W,
    token,
    blockNumber: block,
    blockHash,
    timestamp: at,
    logIndex,
    kind,
    delta: value.toString(),
  };
}

const price = (chainId: number, token: string, block: number, priceUsd: string, at = D) => ({
  chainId,
  token,
  blockNumber: block,
  blockHash: blockHashOf(chainId, block),
  timestamp: at,
  priceUsd,
  source: 'test',
});

beforeAll(async () => {
  harness = await startHarness('analytics-portfolio');
  harness.setNow(NOW);
  await harness.oltp.upsertChain({ chainId: 1, name: 'one' });
  await harness.oltp.upsertChain({ chainId: 2, name: 'two' });
  await harness.oltp.upsertTokens([
    { chainId: 1, address: TKN, symbol: 'TKN', name: 'Token', decimals: 18 },
    { chainId: 1, address: USDC, symbol: 'USDC', name: 'USD Coin', decimals: 6 },
    { chainId: 1, address: ODD, symbol: null, name: null, decimals: null },
    { chainId: 1, address: ALT, symbol: 'ALT', name: 'Alt', decimals: 18 },
    { chainId: 2, address: TK2, symbol: 'TK2', name: 'Token 2', decimals: 18 },
  ]);
  await harness.analytics.portfolio.insertBalanceDeltas([
    // TKN: 2.5 held before the first transfer seen, 1 sent on day D, 0.25 received on day D + 1.
    delta(1, TKN, 10, D + HOUR, (25n * E18) / 10n, 'seed'),
    delta(1, TKN, 10, D + HOUR, -E18, 'out'),
    delta(1, TKN, 20, D + DAY + 3 * HOUR, E18 / 4n, 'in', 2),
    // USDC: 1000 in, 400.5 out.
    delta(1, USDC, 11, D + 5 * HOUR, 1_000_000_000n, 'in'),
    delta(1, USDC, 21, D + DAY + 6 * HOUR, -400_500_000n, 'out'),
    // A token without decimals, and one received and sent on again.
    delta(1, ODD, 12, D + 6 * HOUR, 42n, 'in'),
    delta(1, ALT, 12, D + 6 * HOUR, 3n * E18, 'in', 1),
    delta(1, ALT, 13, D + 7 * HOUR, -3n * E18, 'out'),
    delta(2, TK2, 30, D + 2 * HOUR, 5n * E18, 'in'),
  ]);
  await harness.analytics.insertTokenPrices([
    // TKN: 120 on day D, 150 from day D + 1 (its latest price).
    price(1, TKN, 9, '120'),
    price(1, TKN, 19, '150', D + DAY + 2 * HOUR),
    // USDC: first priced right at the end of the hour of its first transfer.
    price(1, USDC, 12, '1', D + 6 * HOUR),
    price(2, TK2, 29, '45'),
  ]);
}, 120_000);

afterAll(async () => {
  await harness?.close();
});

type Row = Record<string, unknown>;
const balanceFields = 'chainId token symbol decimals balance amount priceUsd valueUsd lastBlock';

async function query(text: string, variables: Row = {}) {
  return graphql<{ wallet: Row }>(harness.gateway.url, text, { address: W, ...variables });
}

async function walletData(text: string, variables: Row = {}) {
  const result = await query(text, variables);
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

/** A `TokenBalance`: "symbol decimals balance amount price value" ("-" is null), then the block. */
function balance(chainId: number, token: string, text: string, lastBlock: number) {
  const [symbol, decimals, raw, amount, priceUsd, valueUsd] = text
    .split(' ')
    .map((f) => (f === '-' ? null : f));
  return {
    chainId,
    token,
    symbol,
    decimals: decimals === null || decimals === undefined ? null : Number(decimals),
    balance: raw,
    amount,
    priceUsd,
    valueUsd,
    lastBlock,
  };
}

const tknHeld = balance(1, TKN, 'TKN 18 1750000000000000000 1.75 150 262.5', 20);
const usdcHeld = balance(1, USDC, 'USDC 6 599500000 599.5 1 599.5', 21);
const oddHeld = balance(1, ODD, '- - 42 - - -', 12);
const altEmpty = balance(1, ALT, 'ALT 18 0 0 - -', 13);
const tk2Held = balance(2, TK2, 'TK2 18 5000000000000000000 5 45 225', 30);

describe('Wallet.balances', () => {
  it('values each held token at its latest price, by chain and token, across chains', async () => {
    const wallet = await walletData(
      `query($address: Address!) {
        wallet(address: $address) { balances { edges { node { ${balanceFields} } } } }
      }`,
    );
    expect(wallet.balances).toEqual([tknHeld, usdcHeld, oddHeld, tk2Held]);
  });

  it('keeps to one chain, and lists emptied tokens with includeZero', async () => {
    const wallet = await walletData(
      `query($address: Address!) {
        wallet(address: $address, chainId: 1) {
          balances(filter: { includeZero: true }) { edges { node { ${balanceFields} } } }
        }
      }`,
    );
    expect(wallet.balances).toEqual([tknHeld, usdcHeld, oddHeld, altEmpty]);
  });

  it('pages balances backward from the end, counting them all', async () => {
    const result = await query(
      `query($address: Address!) {
        wallet(address: $address) {
          balances(last: 2) { totalCount edges { node { token } } pageInfo { hasPreviousPage hasNextPage } }
        }
      }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.wallet.balances).toEqual({
      totalCount: 4,
      edges: [{ node: { token: ODD } }, { node: { token: TK2 } }],
      pageInfo: { hasPreviousPage: true, hasNextPage: false },
    });
  });

  it('answers an empty list for a wallet without transfers, next to its other fields', async () => {
    const result = await graphql<{ wallet: Row }>(
      harness.gateway.url,
      `query { wallet(address: "${byteAddress('ee')}") {
        balances { totalCount edges { node { token } } } totals { unpricedPositions } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.wallet).toEqual({
      balances: { totalCount: 0, edges: [] },
      totals: { unpricedPositions: 0 },
    });
  });
});

const historyQuery = `query($address: Address!, $token: Address!, $chainId: Int!, $interval: BalanceInterval, $from: Int, $to: Int) {
  wallet(address: $address) {
    balanceHistory(token: $token, chainId: $chainId, interval: $interval,
        filter: { from: $from, to: $to }) {
      edges { node { time balance amount priceUsd valueUsd } }
    }
  }
}`;

describe('Wallet.balanceHistory', () => {
  /** A `BalancePoint`: "raw amount price value" ("-" is null). */
  function point(time: number, text: string) {
    const [balance, amount, priceUsd, valueUsd] = text
      .split(' ')
      .map((f) => (f === '-' ? null : f));
    return { time, balance, amount, priceUsd, valueUsd };
  }

  it("values the balance at the end of each day at the token's price then", async () => {
    const wallet = await walletData(historyQuery, { token: TKN, chainId: 1 });
    expect(wallet.balanceHistory).toEqual([
      point(D, '1500000000000000000 1.5 120 180'),
      point(D + DAY, '1750000000000000000 1.75 150 262.5'),
    ]);
  });

  it('buckets by hour, each at its own price, null before the first one', async () => {
    const tkn = await walletData(historyQuery, { token: TKN, chainId: 1, interval: 'H1' });
    expect(tkn.balanceHistory).toEqual([
      point(D + HOUR, '1500000000000000000 1.5 120 180'),
      point(D + DAY + 3 * HOUR, '1750000000000000000 1.75 150 262.5'),
    ]);
    // USDC's first price is set at D + 6h, the end of its first bucket: not before it.
    const usdc = await walletData(historyQuery, { token: USDC, chainId: 1, interval: 'H1' });
    expect(usdc.balanceHistory).toEqual([
      point(D + 5 * HOUR, '1000000000 1000 - -'),
      point(D + DAY + 6 * HOUR, '599500000 599.5 1 599.5'),
    ]);
  });

  it('opens a later range with the balance before it', async () => {
    const later = await walletData(historyQuery, { token: TKN, chainId: 1, from: D + DAY });
    expect(later.balanceHistory).toEqual([point(D + DAY, '1750000000000000000 1.75 150 262.5')]);
  });

  it('leaves amount and value null for a token without decimals or price', async () => {
    const wallet = await walletData(historyQuery, { token: ODD, chainId: 1 });
    expect(wallet.balanceHistory).toEqual([point(D, '42 - - -')]);
  });

  it('rejects a bad chain id or an hourly range over 31 days as BAD_USER_INPUT', async () => {
    for (const variables of [
      { token: TKN, chainId: 0 },
      { token: TKN, chainId: 1, interval: 'H1', from: D - 40 * DAY },
    ]) {
      const result = await query(historyQuery, variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe(
        'BAD_USER_INPUT',
      );
    }
  });
});
