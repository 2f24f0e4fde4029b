import type {
  AnalyticsOlapStore,
  BalanceDeltaRecord,
  PortfolioOlapStore,
  TokenPriceRecord,
} from '@tidemark/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { StoreInputError } from '../src/index';
import { closeAfterEach, type StoreLocation } from './store-location';

const addr = (byte: string) => `0x${byte.repeat(20)}`;
const hashOf = (block: number, branch = 0) =>
  `0x${branch.toString(16).padStart(2, '0')}${block.toString(16).padStart(62, '0')}`;
const A = addr('a1');
const B = addr('b2');
const TKN = addr('11');
const ALT = addr('22');
const DAY0 = 1_700_006_400; // a UTC midnight
const HOUR = 3_600;
const DAY = 86_400;

function delta(
  wallet: string,
  block: number,
  value: bigint,
  kind: BalanceDeltaRecord['kind'],
  extra: Partial<BalanceDeltaRecord> = {},
): BalanceDeltaRecord {
  return {
    chainId: 1,
    wallet,
    token: TKN,
    blockNumber: block,
    blockHash: hashOf(block),
    timestamp: DAY0 + block * HOUR,
    logIndex: 0,
    kind,
    delta: value.toString(),
    ...extra,
  };
}

/** A sends B 30 at block 1 (A seeded with 100), B sends A 12 at block 26 (day 2), ALT minted to A. */
const history = (): BalanceDeltaRecord[] => [
  delta(A, 1, 100n, 'seed'),
  delta(A, 1, -30n, 'out'),
  delta(B, 1, 0n, 'seed'),
  delta(B, 1, 30n, 'in'),
  delta(B, 26, -12n, 'out', { logIndex: 4 }),
  delta(A, 26, 12n, 'in', { logIndex: 4 }),
  delta(A, 2, 5n, 'in', { token: ALT, logIndex: 1 }),
];

/** TKN's USD price on chain 1 from `block` (at DAY0 + block hours) on. */
const price = (block: number, priceUsd: string, extra: Partial<TokenPriceRecord> = {}) => ({
  chainId: 1,
  token: TKN,
  blockNumber: block,
  blockHash: hashOf(block),
  timestamp: DAY0 + block * HOUR,
  priceUsd,
  source: 'test',
  ...extra,
});

/** The behaviour every PortfolioOlapStore adapter must show, each test on empty storage. */
export function describePortfolioOlapContract(
  label: string,
  newLocation: () => Promise<StoreLocation<AnalyticsOlapStore>>,
): void {
  describe(`PortfolioOlapStore contract: ${label}`, () => {
    const track = closeAfterEach<AnalyticsOlapStore>();
    let analytics: AnalyticsOlapStore;
    let store: PortfolioOlapStore;

    beforeEach(async () => {
      analytics = track(await (await newLocation()).open());
      store = analytics.portfolio;
    });

    it('sums the deltas per wallet and token, exactly, with the last block', async () => {
      await store.insertBalanceDeltas(history());
      expect(await store.balances(A)).toEqual(
        [
          { chainId: 1, wallet: A, token: TKN, balance: '82', lastBlock: 26 },
          { chainId: 1, wallet: A, token: ALT, balance: '5', lastBlock: 2 },
        ].sort((x, y) => (x.token < y.token ? -1 : 1)),
      );
      expect(await store.balances(B, 1)).toEqual([
        { chainId: 1, wallet: B, token: TKN, balance: '18', lastBlock: 26 },
      ]);
      expect(await store.balances(B, 2)).toEqual([]);
    });

    it('keeps 256-bit amounts exact and negative deltas signed', async () => {
      const huge = 2n ** 255n - 1n;
      await store.insertBalanceDeltas([delta(A, 1, huge, 'seed'), delta(A, 2, -huge + 1n, 'out')]);
      expect((await store.balances(A))[0]?.balance).toBe('1');
    });

    it('is idempotent: a redelivered delta replaces itself', async () => {
      await store.insertBalanceDeltas(history());
      await store.insertBalanceDeltas(history());
      expect((await store.balances(A, 1)).map((b) => b.balance).sort()).toEqual(['5', '82']);
    });

    it('tells a transfer in, out and a seed at the same place apart', async () => {
      // A self-transfer of 7 right where A's seed of 50 sits: three rows, balance 50.
      await store.insertBalanceDeltas([
        delta(A, 3, 50n, 'seed'),
        delta(A, 3, -7n, 'out'),
        delta(A, 3, 7n, 'in'),
      ]);
      expect((await store.balances(A))[0]?.balance).toBe('50');
    });

    it('retracts the deltas of orphaned blocks, seeds included, and nothing else', async () => {
      await store.insertBalanceDeltas(history());
      await store.retractBalanceBlocks(1, [hashOf(26), hashOf(99)]);
      await store.retractBalanceBlocks(1, [hashOf(26)]);
      await store.retractBalanceBlocks(2, [hashOf(1)]);
      const a = await store.balances(A, 1);
      expect(a.find((b) => b.token === TKN)).toMatchObject({ balance: '70', lastBlock: 1 });
      await store.retractBalanceBlocks(1, [hashOf(1)]);
      expect((await store.balances(B)).length).toBe(0);
      expect((await store.balances(A)).map((b) => b.token)).toEqual([ALT]);
    });

    it('pages every balance of a chain by wallet and token', async () => {
      await store.insertBalanceDeltas([...history(), delta(A, 1, 9n, 'seed', { chainId: 2 })]);
      const first = await store.chainBalances(1, 2);
      expect(first.map((b) => [b.wallet, b.token, b.balance])).toEqual(
        [
          [A, TKN, '82'],
          [A, ALT, '5'],
        ].sort((x, y) => (x[1]! < y[1]! ? -1 : 1)),
      );
      const last = first.at(-1)!;
      const next = await store.chainBalances(1, 2, { wallet: last.wallet, token: last.token });
      expect(next.map((b) => [b.wallet, b.token, b.balance])).toEqual([[B, TKN, '18']]);
    });

    it('answers the balance at the end of each day or hour in which it changed', async () => {
      await store.insertBalanceDeltas(history());
      const query = { chainId: 1, wallet: A, token: TKN, from: 0, to: DAY0 + 10 * DAY };
      expect(await store.balanceHistory({ ...query, interval: '1d' })).toEqual([
        { bucket: DAY0, balance: '70', priceUsd: null },
        { bucket: DAY0 + DAY, balance: '82', priceUsd: null },
      ]);
      expect(await store.balanceHistory({ ...query, interval: '1h' })).toEqual([
        { bucket: DAY0 + HOUR, balance: '70', priceUsd: null },
        { bucket: DAY0 + 26 * HOUR, balance: '82', priceUsd: null },
      ]);
      // From day 2 on: the earlier deltas open the range, and only day 2's bucket is listed.
      const late = { ...query, from: DAY0 + DAY, interval: '1d' as const };
      expect(await store.balanceHistory(late)).toEqual([
        { bucket: DAY0 + DAY, balance: '82', priceUsd: null },
      ]);
      const early = { ...query, to: DAY0 + DAY, interval: '1d' as const };
      expect(await store.balanceHistory(early)).toEqual([
        { bucket: DAY0, balance: '70', priceUsd: null },
      ]);
    });

    it("values each bucket at the token's newest price before the bucket's end", async () => {
      await store.insertBalanceDeltas([
        delta(A, 1, 100n, 'seed'),
        delta(A, 3, -30n, 'out'),
        delta(A, 5, 12n, 'in'),
        delta(A, 30, 1n, 'in'),
      ]);
      const big = '1234567890123456789.000000000000000001';
      await analytics.insertTokenPrices([
        // Other chains' and tokens' prices before the first bucket's end count for nothing.
        price(0, '1000', { chainId: 2, timestamp: DAY0 }),
        price(0, '500', { token: ALT, timestamp: DAY0 }),
        // Hour 2, 4 and 6 rows sit exactly at a bucket's end: they price the next bucket only.
        price(2, '1.5'),
        price(4, '2'),
        price(5, '2.25'),
        price(6, '3'),
        price(20, big),
        // Two rows of block 25 (a reorg not yet retracted): the lower block hash wins.
        price(25, '5'),
        price(25, '7', { blockHash: hashOf(25, 1) }),
      ]);
      const query = { chainId: 1, wallet: A, token: TKN, from: 0, to: DAY0 + 10 * DAY };
      expect(await store.balanceHistory({ ...query, interval: '1h' })).toEqual([
        { bucket: DAY0 + HOUR, balance: '100', priceUsd: null },
        { bucket: DAY0 + 3 * HOUR, balance: '70', priceUsd: '1.5' },
        { bucket: DAY0 + 5 * HOUR, balance: '82', priceUsd: '2.25' },
        { bucket: DAY0 + 30 * HOUR, balance: '83', priceUsd: '5' },
      ]);
      const daily = { ...query, interval: '1d' as const };
      expect(await store.balanceHistory(daily)).toEqual([
        { bucket: DAY0, balance: '82', priceUsd: big },
        { bucket: DAY0 + DAY, balance: '83', priceUsd: '5' },
      ]);
      // A row written again replaces itself; a retracted one is no longer used.
      await analytics.insertTokenPrices([price(25, '6')]);
      expect((await store.balanceHistory(daily)).map((p) => p.priceUsd)).toEqual([big, '6']);
      await analytics.retractBlocks(1, [hashOf(25)]);
      expect((await store.balanceHistory(daily)).map((p) => p.priceUsd)).toEqual([big, '7']);
      await analytics.retractBlocks(1, [hashOf(25, 1)]);
      expect((await store.balanceHistory(daily)).map((p) => p.priceUsd)).toEqual([big, big]);
      const late = { ...daily, from: DAY0 + DAY };
      expect(await store.balanceHistory(late)).toEqual([
        { bucket: DAY0 + DAY, balance: '83', priceUsd: big },
      ]);
    });

    it('rejects malformed input by name, writing nothing', async () => {
      const bad = [delta(A, 1, 1n, 'seed'), { ...delta(A, 2, 1n, 'in'), delta: '1.5' }];
      await expect(store.insertBalanceDeltas(bad)).rejects.toThrow(/deltas\[1\]\.delta/);
      await expect(store.insertBalanceDeltas(bad)).rejects.toBeInstanceOf(StoreInputError);
      await expect(store.balances('0x12')).rejects.toThrow(/wallet/);
      expect(await store.balances(A)).toEqual([]);
    });
  });
}
