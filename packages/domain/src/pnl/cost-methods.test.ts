import { describe, expect, it } from 'vitest';
import { applyTrade, replay } from './apply-trade';
import { positionKey } from './ledger';
import { CHAIN, ledgerFor, raw, swap, TKN, USDC, usd } from './ledger-fixtures';
import { averageCostUsd } from './position';
import { unrealizedPnl } from './unrealized';
import type { CostMethod } from './types';

const tkn = positionKey(CHAIN, TKN);

// Buy 1 TKN for $100, buy 1 TKN for $200, sell 1 TKN for $250, sell 0.5 TKN for $120.
const trades = [
  swap({ block: 1, sell: [USDC, '100'], buy: [TKN, '1'], usd: '100' }),
  swap({ block: 2, sell: [USDC, '200'], buy: [TKN, '1'], usd: '200' }),
  swap({ block: 3, sell: [TKN, '1'], buy: [USDC, '250'], usd: '250' }),
  swap({ block: 4, sell: [TKN, '0.5'], buy: [USDC, '120'], usd: '120' }),
];
const run = (method: CostMethod, count: number) =>
  replay(ledgerFor(method), trades.slice(0, count));

describe('partial sells: average cost and FIFO', () => {
  it('average cost pools the lots', () => {
    // After two buys: 2 TKN cost $300, average $150.
    expect(averageCostUsd(run('average', 2).positions[tkn]!)).toBe(usd('150'));
    // Sell 1 for $250: cost 300 x 1/2 = 150, realized 250 - 150 = 100; left 1 TKN at $150.
    const third = run('average', 3);
    expect(third.totals.realizedPnlUsd).toBe(usd('100'));
    expect(third.positions[tkn]).toMatchObject({
      quantity: raw(TKN, '1'),
      costBasisUsd: usd('150'),
    });
    // Sell 0.5 for $120: cost 150 x 0.5 = 75, realized 45, total 145; left 0.5 TKN at $75.
    const fourth = run('average', 4);
    expect(fourth.totals.realizedPnlUsd).toBe(usd('145'));
    expect(fourth.positions[tkn]).toMatchObject({
      quantity: raw(TKN, '0.5'),
      costBasisUsd: usd('75'),
      lots: [],
    });
    expect(averageCostUsd(fourth.positions[tkn]!)).toBe(usd('150'));
  });

  it('FIFO sells the oldest lot first', () => {
    // Sell 1 for $250: the $100 lot goes, realized 150; left the $200 lot.
    const third = run('fifo', 3);
    expect(third.totals.realizedPnlUsd).toBe(usd('150'));
    expect(third.positions[tkn]!.lots).toEqual([{ quantity: raw(TKN, '1'), costUsd: usd('200') }]);
    // Sell 0.5 for $120: half the $200 lot costs 100, realized 20, total 170; left 0.5 at $100.
    const fourth = run('fifo', 4);
    expect(fourth.totals.realizedPnlUsd).toBe(usd('170'));
    expect(fourth.positions[tkn]).toMatchObject({
      quantity: raw(TKN, '0.5'),
      costBasisUsd: usd('100'),
      lots: [{ quantity: raw(TKN, '0.5'), costUsd: usd('100') }],
    });
    expect(averageCostUsd(fourth.positions[tkn]!)).toBe(usd('200'));
  });

  it('both methods add up to the same total PnL once the rest is valued', () => {
    // At $240 the 0.5 TKN left is worth 120: average 120 - 75 = 45, FIFO 120 - 100 = 20.
    // Total 145 + 45 = 170 + 20 = 190 = (250 + 120 + 120) - (100 + 200).
    const price = (_chain: number, token: string) => (token === TKN ? usd('240') : usd('1'));
    for (const [method, realized, unrealized] of [
      ['average', '145', '45'],
      ['fifo', '170', '20'],
    ] as const) {
      const ledger = run(method, 4);
      const open = unrealizedPnl(ledger, price);
      expect(open.positions.find((p) => p.token === TKN)!.unrealizedPnlUsd).toBe(usd(unrealized));
      // The USDC received (370 at cost 370, priced at $1) adds nothing.
      expect(open.unrealizedPnlUsd).toBe(usd(unrealized));
      expect(ledger.totals.realizedPnlUsd).toBe(usd(realized));
      expect(ledger.totals.realizedPnlUsd + open.unrealizedPnlUsd!).toBe(usd('190'));
    }
  });

  it.each<CostMethod>(['average', 'fifo'])(
    '%s cost leaves no rounding dust when a position is sold off in thirds',
    (method) => {
      // 3 TKN for $100. Sell 1 for $40: cost 100/3 = 33.333333333333333333 (rounded),
      // realized 6.666666666666666667. Sell 2 for $80: cost is the rest, 66.666666666666666667,
      // realized 13.333333333333333333. Total exactly 20, basis exactly 0.
      let ledger = ledgerFor(method);
      ledger = applyTrade(
        ledger,
        swap({ block: 1, sell: [USDC, '100'], buy: [TKN, '3'], usd: '100' }),
      );
      ledger = applyTrade(
        ledger,
        swap({ block: 2, sell: [TKN, '1'], buy: [USDC, '40'], usd: '40' }),
      );
      expect(ledger.totals.realizedPnlUsd).toBe(usd('6.666666666666666667'));
      expect(ledger.positions[tkn]!.costBasisUsd).toBe(usd('66.666666666666666667'));
      ledger = applyTrade(
        ledger,
        swap({ block: 3, sell: [TKN, '2'], buy: [USDC, '80'], usd: '80' }),
      );
      expect(ledger.totals.realizedPnlUsd).toBe(usd('20'));
      expect(ledger.positions[tkn]).toMatchObject({ quantity: 0n, costBasisUsd: 0n, lots: [] });
    },
  );
});
