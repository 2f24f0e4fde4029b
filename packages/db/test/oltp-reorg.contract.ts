import type { OltpStore, PoolRecord } from '@tidemark/domain';
import { expect, it } from 'vitest';
import { address, hex } from './fixtures';

const block = (n: number, fork = 1) => ({ number: n, hash: hex(32, fork, n) });
const range = (from: number, to: number, fork = 1) =>
  Array.from({ length: to - from + 1 }, (_, i) => block(from + i, fork));

const poolIn = (n: number, blockHash: string): PoolRecord => ({
  chainId: 1,
  address: address(1, n),
  protocol: 'uniswap-v2',
  factory: address(9, 1),
  token0: address(5, n),
  token1: address(5, n + 1),
  createdBlock: n,
  createdBlockHash: blockHash,
  verified: true,
  fee: null,
});

/** The reorg window, the rewind of cursor and window, the retraction of orphaned blocks. */
export function describeReorgWindowTests(harness: { store(): OltpStore }): void {
  it('keeps the window with the cursor, trimmed to its size, and rewinds both together', async () => {
    const store = harness.store();
    expect(await store.getBlockWindow(1)).toEqual([]);
    await store.advanceCursor(
      { chainId: 1, blockNumber: 5, blockHash: block(5).hash },
      range(1, 5),
      4,
    );
    await store.advanceCursor(
      { chainId: 1, blockNumber: 8, blockHash: block(8).hash },
      range(6, 8),
      4,
    );
    await store.advanceCursor(
      { chainId: 2, blockNumber: 3, blockHash: block(3).hash },
      [block(3)],
      4,
    );
    expect(await store.getBlockWindow(1)).toEqual(range(5, 8));
    expect(await store.getCursor(1)).toEqual({
      chainId: 1,
      blockNumber: 8,
      blockHash: block(8).hash,
    });

    await store.rewindCursor(1, block(6));
    expect(await store.getBlockWindow(1)).toEqual(range(5, 6));
    expect(await store.getCursor(1)).toEqual({
      chainId: 1,
      blockNumber: 6,
      blockHash: block(6).hash,
    });
    await store.advanceCursor(
      { chainId: 1, blockNumber: 8, blockHash: block(8, 2).hash },
      range(7, 8, 2),
      4,
    );
    expect(await store.getBlockWindow(1)).toEqual([...range(5, 6), ...range(7, 8, 2)]);
    expect(await store.getBlockWindow(2)).toEqual([block(3)]);
  });

  it('retracts pools of orphaned blocks and moves the indexed block back, idempotently', async () => {
    const store = harness.store();
    await store.upsertChain({ chainId: 1, name: 'ethereum' });
    await store.setIndexedBlock(1, 12);
    const kept = poolIn(10, block(10).hash);
    await store.upsertPools([kept, poolIn(11, block(11).hash), poolIn(12, block(12).hash)]);
    const orphaned = [block(11).hash, block(12).hash];
    await store.retractBlocks(1, orphaned, 10);
    await store.retractBlocks(1, orphaned, 10);
    expect(await store.getPools(1)).toEqual([kept]);
    expect((await store.listChains())[0]?.indexedBlock).toBe(10);
    await store.setIndexedBlock(1, 11);
    await store.retractBlocks(1, orphaned, 10); // a redelivery after the canonical block 11
    expect((await store.listChains())[0]?.indexedBlock).toBe(10);
  });

  it('keeps the finalized block monotonic', async () => {
    const store = harness.store();
    await store.upsertChain({ chainId: 1, name: 'ethereum' });
    await store.setFinalizedBlock(1, 20);
    await store.setFinalizedBlock(1, 18);
    expect((await store.listChains())[0]?.finalizedBlock).toBe(20);
  });
}
