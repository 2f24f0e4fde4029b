import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyticsOlapStore, createOltpStore } from '@tidemark/db';
import type { AnalyticsOlapStore, OltpStore } from '@tidemark/domain';
import type { CanonicalEvent } from '@tidemark/schema';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BalanceOfPair } from './balance-reader';
import { ChainPortfolio, PAIR_KEY, PORTFOLIO_CONSUMER } from './chain-portfolio';

type Hex = `0x${string}`;
const CHAIN = 5;
const A: Hex = `0x${'a'.repeat(40)}`;
const B: Hex = `0x${'b'.repeat(40)}`;
const TKN: Hex = `0x${'1'.repeat(40)}`;
const ZERO: Hex = `0x${'0'.repeat(40)}`;
const hash = (block: number, branch = 0): Hex =>
  `0x${branch.toString(16).padStart(2, '0')}${block.toString(16).padStart(62, '0')}`;

function transfer(block: number, log: number, from: Hex, to: Hex, value: string, branch = 0) {
  return {
    type: 'TransferV1',
    chainId: CHAIN,
    blockNumber: block,
    blockHash: hash(block, branch),
    timestamp: 1_700_000_000 + block,
    txHash: hash(1000 + log),
    logIndex: log,
    token: TKN,
    from,
    to,
    value,
  } satisfies CanonicalEvent;
}

let dataDir: string;
let oltp: OltpStore;
let olap: AnalyticsOlapStore;
/** What the chain answers to balanceOf at the end of a block: A held 100 before block 10. */
const reads: { block: number; pairs: BalanceOfPair[] }[] = [];
const onChain = (block: number, pairs: readonly BalanceOfPair[]) => {
  reads.push({ block, pairs: [...pairs] });
  return Promise.resolve(pairs.map((p) => (p.wallet === A && block < 10 ? 100n : 0n)));
};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'tidemark-chain-portfolio-'));
  oltp = await createOltpStore({ dataDir });
  olap = await createAnalyticsOlapStore({ dataDir });
}, 60_000);

afterAll(async () => {
  await Promise.all([oltp?.close(), olap?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

const portfolio = () =>
  new ChainPortfolio(CHAIN, {
    state: oltp.state,
    store: olap.portfolio,
    readBalances: onChain,
    logger: pino({ level: 'silent' }),
  });

const balancesOf = async (wallet: string) =>
  (await olap.portfolio.balances(wallet, CHAIN)).map((b) => b.balance);

describe('ChainPortfolio', () => {
  it('seeds a pair first seen mid-history once, at the block before, then only adds deltas', async () => {
    const first = [transfer(9, 0, ZERO, B, '5'), transfer(10, 0, A, B, '30')];
    await portfolio().handle(first);
    // B's pair started at block 9 (balanceOf at 8 = 0), A's at block 10 (balanceOf at 9 = 100).
    expect(reads.map((r) => [r.block, r.pairs.map((p) => p.wallet)])).toEqual([
      [8, [B]],
      [9, [A]],
    ]);
    expect(await balancesOf(A)).toEqual(['70']);
    expect(await balancesOf(B)).toEqual(['35']);
    expect(await balancesOf(ZERO)).toEqual([]);

    // Redelivered, and then a new run in a fresh instance (a restart): no new reads, exact sums.
    await portfolio().handle(first);
    await portfolio().handle([...first, transfer(11, 0, B, A, '10')]);
    expect(reads).toHaveLength(2);
    expect(await balancesOf(A)).toEqual(['80']);
    expect(await balancesOf(B)).toEqual(['25']);
  });

  it('on a reorg, retracts the orphaned deltas and seeds and un-sees the pairs they introduced', async () => {
    const C: Hex = `0x${'c'.repeat(40)}`;
    const live = portfolio();
    await live.handle([transfer(12, 0, A, C, '7')]);
    const seen = async () =>
      (await oltp.state.load(PORTFOLIO_CONSUMER, CHAIN, [`${PAIR_KEY}${C}:${TKN}`])).size;
    expect(await seen()).toBe(1);
    expect(await balancesOf(C)).toEqual(['7']);
    reads.length = 0;
    await live.handle([
      {
        type: 'ReorgV1',
        chainId: CHAIN,
        ancestor: { number: 11, hash: hash(11) },
        orphaned: [{ number: 12, hash: hash(12) }],
        depth: 1,
      },
      transfer(12, 0, A, C, '3', 1),
    ]);
    expect(await balancesOf(C)).toEqual(['3']);
    expect(await balancesOf(A)).toEqual(['77']);
    // C was un-seen by the rollback and seeded again on the new branch; A stayed seen.
    expect(reads.map((r) => [r.block, r.pairs.map((p) => p.wallet)])).toEqual([[11, [C]]]);
    expect(await seen()).toBe(1);
  });
});
