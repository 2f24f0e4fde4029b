import type { OlapStore } from '@tidemark/domain';
import { describe, expect, it } from 'vitest';
import { createOlapStore } from '../src/index';
import { hex, trade, transfer } from './fixtures';
import { closeAfterEach, tempDirs } from './store-location';

const newDir = tempDirs();
const closeLater = closeAfterEach<OlapStore>();
const t0 = 1_700_000_000;

/** Each test has a store of its own, so none depends on what another left behind. */
async function freshStore(): Promise<OlapStore> {
  return closeLater(await createOlapStore({ dataDir: await newDir() }));
}

describe('chDB: retracting orphaned blocks and bounded trade queries', () => {
  it('deletes the trades and transfers of the given blocks only, visibly at once, idempotently', async () => {
    const store = await freshStore();
    const blocks = [10, 11, 12, 13];
    await store.insertTrades(
      blocks.flatMap((b) =>
        [0, 1].map((i) => trade({ chainId: 5, blockNumber: b, logIndex: i, timestamp: t0 + b })),
      ),
    );
    await store.insertTrades([trade({ chainId: 6, blockNumber: 12, logIndex: 0, timestamp: t0 })]);
    await store.insertTransfers(blocks.map((b) => transfer(5, b, 0, String(b))));
    const orphaned = [hex(32, 5, 12), hex(32, 5, 13)];

    await store.retractBlocks(5, orphaned);
    expect(await store.countTrades({ chainId: 5 })).toBe(4);
    expect(await store.countTrades({ chainId: 6 })).toBe(1); // same number, other chain
    expect((await store.listTransfers(5)).map((t) => t.blockNumber)).toEqual([10, 11]);

    await store.retractBlocks(5, orphaned);
    await store.retractBlocks(5, []);
    expect(await store.countTrades({ chainId: 5 })).toBe(4);

    // The canonical blocks come back at the same numbers with other hashes.
    const canonical = trade({ chainId: 5, blockNumber: 12, logIndex: 0, timestamp: t0 + 12 });
    await store.insertTrades([{ ...canonical, blockHash: hex(32, 99, 12) }]);
    expect(await store.countTrades({ chainId: 5 })).toBe(5);
  });

  it('bounds trades per chain with atOrBelow', async () => {
    const store = await freshStore();
    // Chain 5 with two trades in each of blocks 10 and 11 and one in block 12; chain 6 with one
    // in block 12.
    const onChain5 = [10, 10, 11, 11, 12].map((blockNumber, i) =>
      trade({ chainId: 5, blockNumber, logIndex: i % 2, timestamp: t0 + blockNumber }),
    );
    await store.insertTrades(onChain5);
    await store.insertTrades([trade({ chainId: 6, blockNumber: 12, logIndex: 0, timestamp: t0 })]);

    const bounded = await store.queryTrades({ atOrBelow: new Map([[5, 11]]) }, 100);
    expect(bounded.trades.map((t) => t.blockNumber).sort()).toEqual([10, 10, 11, 11]);
    expect(await store.countTrades({ atOrBelow: new Map() })).toBe(0);
    expect(
      await store.countTrades({
        atOrBelow: new Map([
          [5, 100],
          [6, 12],
        ]),
      }),
    ).toBe(6);
  });
});
