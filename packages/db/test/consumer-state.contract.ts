import type { OltpStore } from '@tidemark/domain';
import { expect, it } from 'vitest';
import { hex } from './fixtures';

const C = 'analytics';
const at = (blockNumber: number, logIndex = 0) => ({
  blockNumber,
  blockHash: hex(32, 1, blockNumber),
  logIndex,
});
const ancestor = (n: number) => ({ number: n, hash: hex(32, 1, n) });

/** The versioned consumer state (`OltpStore.state`): commit with position, undo per block. */
export function describeConsumerStateTests(harness: { store(): OltpStore }): void {
  it('commits values and the position together, per consumer and chain', async () => {
    const { state } = harness.store();
    expect(await state.position(C, 1)).toBeNull();
    await state.commit(
      C,
      1,
      [
        { key: 'wallet:a', value: { n: 1 }, blockNumber: 10 },
        { key: 'wallet:b', value: { n: 2 }, blockNumber: 10 },
        {
          key: 'wallet:a',
          value: { n: 3, big: '123456789012345678901234567890' },
          blockNumber: 11,
        },
      ],
      at(11, 4),
    );
    expect(await state.position(C, 1)).toEqual(at(11, 4));
    expect(await state.position(C, 2)).toBeNull();
    expect(await state.position('alerts', 1)).toBeNull();
    const loaded = await state.load(C, 1, ['wallet:a', 'wallet:b', 'wallet:c']);
    expect(Object.fromEntries(loaded)).toEqual({
      'wallet:a': { n: 3, big: '123456789012345678901234567890' },
      'wallet:b': { n: 2 },
    });
    expect((await state.load(C, 2, ['wallet:a'])).size).toBe(0);
  });

  it('lists keys by prefix in key order, up to a limit', async () => {
    const { state } = harness.store();
    const changes = ['bal:w1:t2', 'bal:w1:t1', 'bal:w2:t1', 'bal:w1%:t1', 'bal:w1_x'].map(
      (key) => ({
        key,
        value: key,
        blockNumber: 1,
      }),
    );
    await state.commit(C, 1, changes, at(1));
    expect([...(await state.loadPrefix(C, 1, 'bal:w1:', 10)).keys()]).toEqual([
      'bal:w1:t1',
      'bal:w1:t2',
    ]);
    expect([...(await state.loadPrefix(C, 1, 'bal:w1%', 10)).keys()]).toEqual(['bal:w1%:t1']);
    expect((await state.loadPrefix(C, 1, 'bal:', 3)).size).toBe(3);
  });

  it('rolls every key back to its value at the ancestor, deletions included', async () => {
    const { state } = harness.store();
    await state.commit(C, 1, [{ key: 'k1', value: 'v1@5', blockNumber: 5 }], at(5));
    await state.commit(
      C,
      1,
      [
        { key: 'k1', value: 'v1@6', blockNumber: 6 },
        { key: 'k2', value: 'v2@6', blockNumber: 6 },
        { key: 'k1', value: 'v1@6b', blockNumber: 6 },
      ],
      at(6, 9),
    );
    // A later batch that touches block 7 twice and deletes k2 at block 8.
    await state.commit(C, 1, [{ key: 'k1', value: 'v1@7', blockNumber: 7 }], at(7, 1));
    await state.commit(
      C,
      1,
      [
        { key: 'k1', value: 'v1@7b', blockNumber: 7 },
        { key: 'k2', value: null, blockNumber: 8 },
      ],
      at(8),
    );
    expect(Object.fromEntries(await state.load(C, 1, ['k1', 'k2']))).toEqual({ k1: 'v1@7b' });

    expect((await state.rollback(C, 1, ancestor(6))).sort()).toEqual(['k1', 'k2']);
    expect(Object.fromEntries(await state.load(C, 1, ['k1', 'k2']))).toEqual({
      k1: 'v1@6b',
      k2: 'v2@6',
    });
    expect(await state.position(C, 1)).toEqual({ ...at(6), logIndex: -1 });

    expect(await state.rollback(C, 1, ancestor(4))).toEqual(['k1', 'k2']);
    expect((await state.load(C, 1, ['k1', 'k2'])).size).toBe(0);
    // Nothing left above the ancestor: a second rollback changes nothing.
    expect(await state.rollback(C, 1, ancestor(4))).toEqual([]);
  });

  it('forgets undo records once blocks are final', async () => {
    const { state } = harness.store();
    await state.commit(C, 1, [{ key: 'k', value: 1, blockNumber: 5 }], at(5));
    await state.commit(C, 1, [{ key: 'k', value: 2, blockNumber: 6 }], at(6));
    await state.prune(C, 1, 5);
    // Block 5's record is gone: rolling back to 4 can only undo block 6.
    await state.rollback(C, 1, ancestor(4));
    expect(Object.fromEntries(await state.load(C, 1, ['k']))).toEqual({ k: 1 });
  });
}
