import { describe, expect, it } from 'vitest';
import { applyTrade, replay, replayWithHistory } from './apply-trade';
import { InvalidLedgerInputError, InvalidTradeError } from './errors';
import { positionKey, seedPosition } from './ledger';
import { ALT, CHAIN, ledgerFor, raw, swap, TKN, USDC, usd, WALLET, WETH } from './ledger-fixtures';
import { walletMetrics } from './metrics';
import { averageCostUsd } from './position';

const key = (token: string) => positionKey(CHAIN, token);

describe('applyTrade', () => {
  it('buys, then sells everything at a profit', () => {
    // Buy 10 TKN for $1000 (pool fee $3), sell them for $1500 (pool fee $4.5): realized 500.
    const ledger = replay(ledgerFor(), [
      swap({ block: 1, sell: [USDC, '1000'], buy: [TKN, '10'], usd: '1000', fee: '3' }),
      swap({ block: 2, sell: [TKN, '10'], buy: [USDC, '1500'], usd: '1500', fee: '4.5' }),
    ]);
    const metrics = walletMetrics(ledger);
    expect(metrics).toMatchObject({
      tradeCount: 2,
      volumeUsd: usd('2500'),
      // The pool fee is inside the exchanged amounts already: a metric, not a cost again.
      poolFeesUsd: usd('7.5'),
      feesPaidUsd: usd('7.5'),
      realizedPnlUsd: usd('500'),
      closingSells: 1,
      winningSells: 1,
      winRate: usd('1'),
    });
    const tkn = metrics.positions.find((p) => p.token === TKN)!;
    expect(tkn).toMatchObject({ quantity: 0n, costBasisUsd: 0n, realizedPnlUsd: usd('500') });
    expect(tkn.averageCostUsd).toBeNull();
    // The USDC paid had come in by transfer: no cost basis, so its sale realizes nothing.
    expect(ledger.positions[key(USDC)]).toMatchObject({
      quantity: raw(USDC, '1500'),
      costBasisUsd: usd('1500'),
      untrackedQuantity: raw(USDC, '1000'),
      realizedPnlUsd: 0n,
    });
  });

  it('adds gas paid in cash to the cost, and deducts other gas from the proceeds', () => {
    // Buy 10 TKN for $1000 with $2 gas: USDC is cash, so the gas is TKN's cost: 1002, $100.2 each.
    // Sell 10 TKN for $1100 with $3 gas: proceeds 1097, realized 1097 - 1002 = 95.
    const trades = [
      swap({ block: 1, sell: [USDC, '1000'], buy: [TKN, '10'], usd: '1000', fee: '3', gas: '2' }),
      swap({ block: 2, sell: [TKN, '10'], buy: [USDC, '1100'], usd: '1100', fee: '3.3', gas: '3' }),
    ];
    const first = applyTrade(ledgerFor(), trades[0]!);
    expect(first.positions[key(TKN)]!.costBasisUsd).toBe(usd('1002'));
    expect(averageCostUsd(first.positions[key(TKN)]!)).toBe(usd('100.2'));
    const ledger = applyTrade(first, trades[1]!);
    expect(ledger.positions[key(TKN)]!.realizedPnlUsd).toBe(usd('95'));
    expect(ledger.positions[key(USDC)]!.costBasisUsd).toBe(usd('1100'));
    expect(walletMetrics(ledger)).toMatchObject({
      realizedPnlUsd: usd('95'),
      gasFeesUsd: usd('5'),
      poolFeesUsd: usd('6.3'),
      feesPaidUsd: usd('11.3'),
    });

    // Without USDC as cash, all gas comes off the sold leg: the first trade's $2 is a realized
    // loss on USDC (proceeds 998 against the untracked basis 1000), TKN costs 1000 and realizes
    // 1097 - 1000 = 97. The same total, 95, booked elsewhere.
    const noCash = replay(ledgerFor('average', []), trades);
    expect(noCash.positions[key(USDC)]!.realizedPnlUsd).toBe(usd('-2'));
    expect(noCash.positions[key(TKN)]!.realizedPnlUsd).toBe(usd('97'));
    expect(noCash.totals.realizedPnlUsd).toBe(usd('95'));
  });

  it('books a round trip at a loss', () => {
    // Buy 5 TKN for $500 + $1 gas (cost 501), sell them for $420 - $1 gas (419): realized -82.
    const ledger = replay(ledgerFor(), [
      swap({ block: 1, sell: [USDC, '500'], buy: [TKN, '5'], usd: '500', gas: '1' }),
      swap({ block: 2, sell: [TKN, '5'], buy: [USDC, '420'], usd: '420', gas: '1' }),
    ]);
    expect(ledger.positions[key(TKN)]!.realizedPnlUsd).toBe(usd('-82'));
    expect(walletMetrics(ledger)).toMatchObject({
      realizedPnlUsd: usd('-82'),
      closingSells: 1,
      winningSells: 0,
      winRate: 0n,
    });
  });

  it('values a token-to-token swap at its reference leg', () => {
    // Buy 10 TKN for $1000 (average $100). Swap 4 TKN for 2 WETH, valued through the WETH leg at
    // $300 each = $600, gas $1 off the TKN proceeds: TKN realizes 599 - 400 = 199, WETH costs 600.
    // Sell 2 WETH for $640: realized 40. Total 239.
    const ledger = replay(ledgerFor(), [
      swap({ block: 1, sell: [USDC, '1000'], buy: [TKN, '10'], usd: '1000' }),
      swap({ block: 2, sell: [TKN, '4'], buy: [WETH, '2'], usd: '600', gas: '1' }),
    ]);
    expect(ledger.positions[key(TKN)]).toMatchObject({
      quantity: raw(TKN, '6'),
      costBasisUsd: usd('600'),
      realizedPnlUsd: usd('199'),
    });
    expect(ledger.positions[key(WETH)]).toMatchObject({
      quantity: raw(WETH, '2'),
      costBasisUsd: usd('600'),
    });
    expect(averageCostUsd(ledger.positions[key(WETH)]!)).toBe(usd('300'));
    const after = applyTrade(
      ledger,
      swap({ block: 3, sell: [WETH, '2'], buy: [USDC, '640'], usd: '640' }),
    );
    expect(after.positions[key(WETH)]!.realizedPnlUsd).toBe(usd('40'));
    expect(walletMetrics(after)).toMatchObject({ realizedPnlUsd: usd('239'), closingSells: 2 });
  });

  it('sells tokens that arrived other than by a trade at zero PnL, apart from gas', () => {
    // 3 TKN never bought, sold for $300 with $1 gas: basis = sale value 300, realized -1 (gas).
    const untracked = applyTrade(
      ledgerFor(),
      swap({ block: 1, sell: [TKN, '3'], buy: [USDC, '300'], usd: '300', gas: '1' }),
    );
    expect(untracked.positions[key(TKN)]).toMatchObject({
      quantity: 0n,
      untrackedQuantity: raw(TKN, '3'),
      realizedPnlUsd: usd('-1'),
    });
    // Nothing with a cost basis was closed: not a closing sell.
    expect(walletMetrics(untracked)).toMatchObject({ closingSells: 0, winRate: null });

    // Buy 2 TKN for $200, then sell 3 for $360 ($120 each): the 2 tracked realize 240 - 200 = 40,
    // the untracked 1 realizes 120 - 120 = 0.
    const mixed = replay(ledgerFor(), [
      swap({ block: 1, sell: [USDC, '200'], buy: [TKN, '2'], usd: '200' }),
      swap({ block: 2, sell: [TKN, '3'], buy: [USDC, '360'], usd: '360' }),
    ]);
    expect(mixed.positions[key(TKN)]).toMatchObject({
      quantity: 0n,
      costBasisUsd: 0n,
      untrackedQuantity: raw(TKN, '1'),
      realizedPnlUsd: usd('40'),
    });
    expect(walletMetrics(mixed)).toMatchObject({ closingSells: 1, winningSells: 1 });
  });

  it('starts a position from a seeded opening balance', () => {
    // 10 TKN held before the first trade, at $50: cost 500. Sell 4 for $320: cost 200, realized 120.
    const seeded = seedPosition(ledgerFor(), {
      chainId: CHAIN,
      token: TKN,
      decimals: 18,
      quantity: raw(TKN, '10'),
      priceUsd: usd('50'),
    });
    expect(seeded.positions[key(TKN)]).toMatchObject({
      quantity: raw(TKN, '10'),
      costBasisUsd: usd('500'),
    });
    expect(seeded.totals.tradeCount).toBe(0);
    const ledger = applyTrade(
      seeded,
      swap({ block: 1, sell: [TKN, '4'], buy: [USDC, '320'], usd: '320' }),
    );
    expect(ledger.positions[key(TKN)]).toMatchObject({
      quantity: raw(TKN, '6'),
      costBasisUsd: usd('300'),
      realizedPnlUsd: usd('120'),
      untrackedQuantity: 0n,
    });
    const again = { chainId: CHAIN, token: TKN, decimals: 18, quantity: 1n, priceUsd: usd('1') };
    expect(() => seedPosition(ledger, again)).toThrow(InvalidLedgerInputError);
    expect(() => seedPosition(ledger, { ...again, token: ALT, quantity: 0n })).toThrow(/quantity/);
  });

  it('counts winning closing sells, leaving cash and untracked sales out', () => {
    // Three TKN buys and three sells: +20, -10, +5 -> 2 wins of 3 closing sells. The USDC spent
    // on the buys (cash) and the WETH sold without a basis count for nothing.
    const ledger = replay(ledgerFor(), [
      swap({ block: 1, sell: [USDC, '100'], buy: [TKN, '1'], usd: '100' }),
      swap({ block: 2, sell: [TKN, '1'], buy: [USDC, '120'], usd: '120' }),
      swap({ block: 3, sell: [USDC, '100'], buy: [TKN, '1'], usd: '100' }),
      swap({ block: 4, sell: [TKN, '1'], buy: [USDC, '90'], usd: '90' }),
      swap({ block: 5, sell: [USDC, '100'], buy: [TKN, '1'], usd: '100' }),
      swap({ block: 6, sell: [TKN, '1'], buy: [USDC, '105'], usd: '105' }),
      swap({ block: 7, sell: [WETH, '1'], buy: [USDC, '3000'], usd: '3000' }),
    ]);
    expect(walletMetrics(ledger)).toMatchObject({
      realizedPnlUsd: usd('15'),
      closingSells: 3,
      winningSells: 2,
      winRate: usd('0.666666666666666667'),
    });
  });

  it('records the cumulative realized PnL after each trade', () => {
    const trades = [
      swap({ block: 1, sell: [USDC, '100'], buy: [TKN, '2'], usd: '100' }),
      swap({ block: 2, sell: [TKN, '1'], buy: [USDC, '70'], usd: '70' }),
      swap({ block: 3, sell: [TKN, '1'], buy: [USDC, '40'], usd: '40' }),
    ];
    const { history } = replayWithHistory(ledgerFor(), [...trades, trades[1]!]);
    // 0, then 70 - 50 = 20, then 20 + (40 - 50) = 10; the redelivered trade adds no point.
    expect(history).toEqual([
      {
        tradeId: 't1-0',
        chainId: CHAIN,
        blockNumber: 1,
        timestamp: 1_700_000_012,
        realizedPnlUsd: 0n,
      },
      {
        tradeId: 't2-0',
        chainId: CHAIN,
        blockNumber: 2,
        timestamp: 1_700_000_024,
        realizedPnlUsd: usd('20'),
      },
      {
        tradeId: 't3-0',
        chainId: CHAIN,
        blockNumber: 3,
        timestamp: 1_700_000_036,
        realizedPnlUsd: usd('10'),
      },
    ]);
  });

  it('books what was paid for nothing as a loss when the output rounds to zero', () => {
    // 1 TKN bought for $100, then sold for 0 USDC that the price engine valued at $1 (dust).
    const ledger = replay(ledgerFor(), [
      swap({ block: 1, sell: [USDC, '100'], buy: [TKN, '1'], usd: '100' }),
      swap({ block: 2, sell: [TKN, '1'], buy: [USDC, '0'], usd: '1' }),
    ]);
    // TKN: 1 - 100 = -99. USDC: $1 paid for no units, -1. Total -100: all was lost.
    expect(ledger.positions[key(TKN)]!.realizedPnlUsd).toBe(usd('-99'));
    expect(ledger.positions[key(USDC)]).toMatchObject({ quantity: 0n, costBasisUsd: 0n });
    expect(ledger.totals.realizedPnlUsd).toBe(usd('-100'));
  });

  it('refuses trades it cannot account for, naming the field', () => {
    const good = swap({ block: 1, sell: [USDC, '100'], buy: [TKN, '1'], usd: '100' });
    const ledger = applyTrade(ledgerFor(), good);
    const next = { ...good, id: 'x', blockNumber: 2 };
    const cases: [Partial<typeof good>, RegExp][] = [
      [{ wallet: `0x${'b'.repeat(40)}` }, /is not this ledger's wallet/],
      [{ decimalsOut: 6 }, /decimalsOut: 6, but earlier trades/],
      [{ volumeUsd: 100 as unknown as bigint }, /volumeUsd: expected a bigint/],
      [{ amountIn: 0n }, /amountIn: expected a bigint of at least 1/],
      [{ tokenOut: USDC }, /the same token as tokenIn/],
      [{ tokenIn: 'USDC' }, /tokenIn: expected a 0x-prefixed/],
      [{ gasFeeUsd: -1n }, /gasFeeUsd/],
      [{ blockNumber: 1.5 }, /blockNumber: expected an integer/],
    ];
    for (const [patch, message] of cases) {
      const bad = () => applyTrade(ledger, { ...next, ...patch });
      expect(bad).toThrow(InvalidTradeError);
      expect(bad).toThrow(message);
    }
    expect(walletMetrics(ledger).wallet).toBe(WALLET);
  });
});
