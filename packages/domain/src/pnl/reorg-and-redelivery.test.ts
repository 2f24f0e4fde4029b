import { describe, expect, it } from 'vitest';
import { applyTrade, replay } from './apply-trade';
import { LedgerOrderError } from './errors';
import { positionKey, seedPosition } from './ledger';
import { ALT, CHAIN, ledgerFor, raw, swap, TKN, USDC, usd, WETH } from './ledger-fixtures';
import { ledgerFromJSON, ledgerToJSON } from './serialize';
import type { CostMethod, LedgerTrade, WalletLedger } from './types';

// A history touching every rule: gas on either leg, partial sells, a token-to-token swap,
// untracked tokens, a seeded balance, two trades in one block.
const trades: LedgerTrade[] = [
  swap({ block: 10, sell: [USDC, '1000'], buy: [TKN, '10'], usd: '1000', gas: '2' }),
  swap({ block: 11, sell: [USDC, '600'], buy: [TKN, '4'], usd: '600', fee: '1.8' }),
  swap({ block: 12, sell: [TKN, '3'], buy: [WETH, '0.1'], usd: '330', gas: '0.5' }),
  swap({ block: 12, log: 7, sell: [TKN, '5'], buy: [USDC, '400'], usd: '400', gas: null }),
  swap({ block: 13, sell: [ALT, '2'], buy: [USDC, '90'], usd: '90', gas: '0.25' }),
  swap({ block: 14, sell: [WETH, '0.05'], buy: [TKN, '2'], usd: '170' }),
  swap({ block: 15, sell: [TKN, '7'], buy: [USDC, '777'], usd: '777', gas: '1' }),
  swap({ block: 16, sell: [ALT, '0.5'], buy: [USDC, '20'], usd: '20' }),
];

const start = (method: CostMethod): WalletLedger =>
  seedPosition(ledgerFor(method), {
    chainId: CHAIN,
    token: ALT,
    decimals: 8,
    quantity: raw(ALT, '1'),
    priceUsd: usd('40'),
  });

/** What the caller persists after each trade: JSON text, as a store would hold it. */
const persist = (ledger: WalletLedger): string => JSON.stringify(ledgerToJSON(ledger));
const restore = (text: string): WalletLedger => ledgerFromJSON(JSON.parse(text));

describe.each<CostMethod>(['average', 'fifo'])('reorgs and redelivery (%s cost)', (method) => {
  it('restoring the state before a retracted trade and re-applying the rest equals a replay without it', () => {
    const saved = [persist(start(method))];
    for (const trade of trades) saved.push(persist(applyTrade(restore(saved.at(-1)!), trade)));
    const all = restore(saved.at(-1)!);
    trades.forEach((retracted, k) => {
      const others = trades.filter((t) => t !== retracted);
      const rolledBack = replay(restore(saved[k]!), trades.slice(k + 1));
      const withoutIt = replay(start(method), others);
      expect(rolledBack).toEqual(withoutIt);
      expect(persist(rolledBack)).toBe(persist(withoutIt));
      // The retracted trade did count before: the rollback changed something.
      expect(rolledBack.totals.tradeCount).toBe(all.totals.tradeCount - 1);
      expect(persist(rolledBack)).not.toBe(persist(all));
    });
  });

  it('replaces an orphaned block with the canonical one after restoring, and refuses it before', () => {
    // Block 12 (two trades) is orphaned; the canonical block 12 holds one other trade.
    const canonical = swap({
      block: 12,
      id: 'c12',
      sell: [TKN, '1'],
      buy: [USDC, '95'],
      usd: '95',
    });
    const before12 = replay(start(method), trades.slice(0, 2));
    const all = replay(before12, trades.slice(2));
    const afterReorg = replay(before12, [canonical, ...trades.slice(4)]);
    expect(afterReorg).toEqual(
      replay(start(method), [...trades.slice(0, 2), canonical, ...trades.slice(4)]),
    );
    // The WETH bought in the orphaned block is gone: its later sale (block 14) is untracked now.
    expect(afterReorg.positions[positionKey(CHAIN, WETH)]).toMatchObject({
      quantity: 0n,
      costBasisUsd: 0n,
      untrackedQuantity: raw(WETH, '0.05'),
    });
    // Applying the canonical trade without rolling back first: where it sits another trade was
    // applied, which only a missed reorg explains.
    const applied = replay(before12, trades.slice(2, 3));
    expect(() => applyTrade(applied, canonical)).toThrow(LedgerOrderError);
    expect(all.totals.tradeCount).toBe(8);
  });

  it('ignores a redelivered trade: the same ledger comes back', () => {
    const ledger = replay(start(method), trades.slice(0, 4));
    for (const again of trades.slice(0, 4)) expect(applyTrade(ledger, again)).toBe(ledger);
    // An older trade of the chain is a redelivery too, whatever its id (the position is consumed).
    expect(applyTrade(ledger, { ...trades[0]!, id: 'other' })).toBe(ledger);
    expect(replay(ledger, trades.slice(0, 4))).toBe(ledger);
  });

  it('keeps a position per chain: a lower block on another chain is not a redelivery', () => {
    const ledger = replay(start(method), trades.slice(0, 4));
    const onChain2 = { ...trades[0]!, id: 'c2', chainId: 2, blockNumber: 1 };
    const next = applyTrade(ledger, onChain2);
    expect(next).not.toBe(ledger);
    expect(next.positions[positionKey(2, TKN)]!.quantity).toBe(raw(TKN, '10'));
    expect(next.cursors).toEqual({
      [String(CHAIN)]: { blockNumber: 12, logIndex: 7, tradeId: 't12-7' },
      '2': { blockNumber: 1, logIndex: 0, tradeId: 'c2' },
    });
  });

  it('never mutates the ledger it is given', () => {
    const frozen = deepFreeze(replay(start(method), trades.slice(0, 3)));
    const before = persist(frozen);
    // A mutation of a frozen object throws in ES modules (strict mode).
    const after = replay(frozen, trades.slice(3));
    expect(persist(frozen)).toBe(before);
    expect(after.totals.tradeCount).toBe(8);
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
