import type { OltpStore, PoolRecord, TokenRecord } from '@tidemark/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { address, hex } from './fixtures';
import { describeConsumerStateTests } from './consumer-state.contract';
import { describeReorgWindowTests } from './oltp-reorg.contract';
import { closeAfterEach, type StoreLocation } from './store-location';

const pool = (chainId: number, n: number, overrides: Partial<PoolRecord> = {}): PoolRecord => ({
  chainId,
  address: address(1, n),
  protocol: 'uniswap-v2',
  factory: address(9, 1),
  token0: address(5, n),
  token1: address(5, n + 1),
  createdBlock: 100 + n,
  createdBlockHash: null,
  verified: true,
  fee: null,
  ...overrides,
});

const token = (chainId: number, n: number, overrides: Partial<TokenRecord> = {}): TokenRecord => ({
  chainId,
  address: address(5, n),
  symbol: `T${n}`,
  name: `Token ${n}`,
  decimals: 18,
  ...overrides,
});

interface Harness {
  /** The store opened for the running test. */
  store(): OltpStore;
  /** Opens the running test's location again (closed after the test). */
  reopen(): Promise<OltpStore>;
}

function chainTests(harness: Harness): void {
  it('upserts chains idempotently and reports head and indexed blocks', async () => {
    const store = harness.store();
    await store.upsertChain({ chainId: 1, name: 'ethereum' });
    await store.upsertChain({ chainId: 1, name: 'ethereum' });
    await store.upsertChain({ chainId: 10, name: 'optimism' });
    await store.setHead(1, 5_000_000_123);
    await store.setIndexedBlock(1, 4_999_999_999);
    expect(await store.listChains()).toEqual([
      {
        chainId: 1,
        name: 'ethereum',
        headBlock: 5_000_000_123,
        indexedBlock: 4_999_999_999,
        finalizedBlock: null,
      },
      { chainId: 10, name: 'optimism', headBlock: null, indexedBlock: null, finalizedBlock: null },
    ]);
    await store.upsertChain({ chainId: 10, name: 'op-mainnet' });
    expect((await store.listChains())[1]?.name).toBe('op-mainnet');
  });

  it('never moves the indexed block backwards, while the head follows the chain', async () => {
    const store = harness.store();
    await store.upsertChain({ chainId: 1, name: 'ethereum' });
    await store.setIndexedBlock(1, 10);
    await store.setIndexedBlock(1, 5);
    expect((await store.listChains())[0]?.indexedBlock).toBe(10);
    await store.setIndexedBlock(1, 12);
    expect((await store.listChains())[0]?.indexedBlock).toBe(12);
    await store.setHead(1, 100);
    await store.setHead(1, 99); // a reorg can shorten the chain
    expect((await store.listChains())[0]?.headBlock).toBe(99);
  });

  it('records blocks for a chain the sink reaches before it is named, and keeps them when named', async () => {
    const store = harness.store();
    await store.setIndexedBlock(7, 42);
    await store.upsertChain({ chainId: 7, name: 'seven' });
    expect(await store.listChains()).toEqual([
      { chainId: 7, name: 'seven', headBlock: null, indexedBlock: 42, finalizedBlock: null },
    ]);
  });
}

function cursorAndCatalogTests(harness: Harness): void {
  it('round-trips ingest cursors per chain, including a move back after a reorg', async () => {
    const store = harness.store();
    expect(await store.getCursor(1)).toBeNull();
    const cursor = { chainId: 1, blockNumber: 2 ** 40, blockHash: hex(32, 1, 7) };
    await store.setCursor(cursor);
    await store.setCursor(cursor);
    expect(await store.getCursor(1)).toEqual(cursor);
    expect(await store.getCursor(2)).toBeNull();
    const rewound = { chainId: 1, blockNumber: 2 ** 40 - 3, blockHash: hex(32, 1, 4) };
    await store.setCursor(rewound);
    expect(await store.getCursor(1)).toEqual(rewound);
  });

  it('upserts pools idempotently, per chain, across batch boundaries and duplicate keys', async () => {
    const store = harness.store();
    const many = Array.from({ length: 2_500 }, (_, n) => pool(1, n));
    await store.upsertPools([...many, pool(1, 0)]);
    await store.upsertPools(many);
    await store.upsertPools([pool(2, 1)]);
    const stored = await store.getPools(1);
    expect(stored).toHaveLength(2_500);
    expect(stored).toEqual([...many].sort((a, b) => a.address.localeCompare(b.address)));
    expect(await store.getPools(2)).toEqual([pool(2, 1)]);
    expect(await store.getPools(3)).toEqual([]);
  });

  it('keeps known pool and token facts when a later sighting lacks them', async () => {
    const store = harness.store();
    await store.upsertPools([pool(1, 1)]);
    await store.upsertPools([pool(1, 1, { factory: null, createdBlock: null })]);
    expect(await store.getPools(1)).toEqual([pool(1, 1)]);
    await store.upsertTokens([
      token(1, 1),
      token(1, 2, { symbol: null, name: null, decimals: null }),
    ]);
    await store.upsertTokens([token(1, 1, { symbol: null, name: null, decimals: null })]);
    await store.upsertTokens([token(1, 2, { decimals: 6 })]);
    expect(await store.getTokens(1)).toEqual([token(1, 1), token(1, 2, { decimals: 6 })]);
    expect(await store.getTokens(2)).toEqual([]);
  });

  it('finds stored pools by address, in batches, and keeps a known fee tier', async () => {
    const store = harness.store();
    const many = Array.from({ length: 1_200 }, (_, n) =>
      pool(1, n, n % 2 ? { protocol: 'uniswap-v3', fee: 500 } : {}),
    );
    await store.upsertPools([...many, pool(2, 7)]);
    expect(await store.findPools(2, [address(1, 7)])).toEqual([pool(2, 7)]);
    // A later sighting without the fee (an unanswered fee() call) does not erase it.
    await store.upsertPools([pool(1, 1, { protocol: 'uniswap-v3' })]);
    const wanted = [1, 7, 1_100, 1_199].map((n) => address(1, n));
    const found = await store.findPools(1, [...wanted, address(1, 5_000), wanted[0]!]);
    const byAddress = (a: PoolRecord, b: PoolRecord) => a.address.localeCompare(b.address);
    expect(found.sort(byAddress)).toEqual(
      [1, 7, 1_100, 1_199].map((n) => many[n]!).sort(byAddress),
    );
    expect(found.find((p) => p.address === address(1, 1))?.fee).toBe(500);
    expect(await store.findPools(3, wanted)).toEqual([]);
    expect(await store.findPools(1, [])).toEqual([]);
  });

  it('verifies a pool once and never takes it back', async () => {
    const store = harness.store();
    await store.upsertPools([pool(1, 1, { verified: false }), pool(1, 2)]);
    expect((await store.getPools(1)).map((p) => p.verified)).toEqual([false, true]);
    await store.upsertPools([pool(1, 1), pool(1, 2, { verified: false })]);
    expect((await store.getPools(1)).map((p) => p.verified)).toEqual([true, true]);
  });
}

function persistenceTests(harness: Harness): void {
  it('keeps every write after close and reopen', async () => {
    const store = harness.store();
    await store.upsertChain({ chainId: 1, name: 'ethereum' });
    await store.setHead(1, 200);
    await store.setIndexedBlock(1, 150);
    await store.setCursor({ chainId: 1, blockNumber: 180, blockHash: hex(32, 1, 180) });
    await store.upsertPools([pool(1, 1)]);
    await store.upsertTokens([token(1, 1)]);
    await store.close();
    const reopened = await harness.reopen();
    expect(await reopened.listChains()).toEqual([
      { chainId: 1, name: 'ethereum', headBlock: 200, indexedBlock: 150, finalizedBlock: null },
    ]);
    expect(await reopened.getCursor(1)).toEqual({
      chainId: 1,
      blockNumber: 180,
      blockHash: hex(32, 1, 180),
    });
    expect(await reopened.getPools(1)).toEqual([pool(1, 1)]);
    expect(await reopened.getTokens(1)).toEqual([token(1, 1)]);
  });
}

/** The behaviour every OltpStore adapter must show; `newLocation` gives each test empty storage. */
export function describeOltpStoreContract(
  label: string,
  newLocation: () => Promise<StoreLocation<OltpStore>>,
): void {
  describe(`OltpStore contract: ${label}`, () => {
    const track = closeAfterEach<OltpStore>();
    let location: StoreLocation<OltpStore>;
    let store: OltpStore;

    beforeEach(async () => {
      location = await newLocation();
      store = track(await location.open());
    });

    const harness: Harness = {
      store: () => store,
      reopen: async () => track(await location.open()),
    };
    chainTests(harness);
    cursorAndCatalogTests(harness);
    describeReorgWindowTests(harness);
    describeConsumerStateTests(harness);
    persistenceTests(harness);
  });
}
