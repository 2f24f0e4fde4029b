import { describe, expect, it } from 'vitest';
import { formatFixed } from '../money/fixed';
import { createLedger } from '../pnl/ledger';
import {
  addV2,
  DECIMALS,
  e,
  poolAddress,
  syncOf,
  testBook,
  TKN,
  tradeOf,
  USDC,
  WETH,
} from '../pricing/test-helpers';
import { analyzeTrade } from './analyze-trade';

const decimals = (token: string) => DECIMALS[token];
const wallet = poolAddress(0xbeef);

describe('analyzeTrade', () => {
  it('prices a buy and a later sell, and books the realized PnL of the sell', () => {
    const book = testBook();
    // 2,000,000 USDC / 1,000 WETH: WETH at $2,000.
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)], 10);
    let ledger = createLedger({ wallet });
    const buy = tradeOf({
      pool: 1,
      tokenIn: USDC,
      tokenOut: WETH,
      amountIn: 2_000n * e(6),
      amountOut: e(18),
      blockNumber: 11,
    });
    const first = analyzeTrade(book, ledger, buy, decimals);
    ledger = first.ledger;
    expect(first.analyzed).toMatchObject({
      side: 'buy',
      baseAmount: e(18),
      quoteAmount: 2_000n * e(6),
    });
    expect(formatFixed(first.analyzed.priceQuote!)).toBe('2000');
    expect(formatFixed(first.analyzed.pricing.volumeUsd!)).toBe('2000');
    expect(first.analyzed.realizedPnlUsd).toBe(0n);
    expect(first.analyzed.closesPosition).toBe(false);

    // WETH moves to $2,500; the wallet sells its 1 WETH for 2,500 USDC: +$500 realized.
    book.applyState(syncOf(1, [USDC, 2_500_000n * e(6)], [WETH, 1_000n * e(18)], 12));
    const sell = tradeOf({
      pool: 1,
      tokenIn: WETH,
      tokenOut: USDC,
      amountIn: e(18),
      amountOut: 2_500n * e(6),
      blockNumber: 13,
    });
    const second = analyzeTrade(book, ledger, sell, decimals);
    expect(second.analyzed.side).toBe('sell');
    expect(formatFixed(second.analyzed.realizedPnlUsd!)).toBe('500');
    expect(second.analyzed).toMatchObject({ closesPosition: true, isWin: true });
    expect(second.ledger.totals.tradeCount).toBe(2);
  });

  it('charges a transaction gas once, on its first trade', () => {
    const book = testBook();
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)], 10);
    const gas = { gasUsed: '100000', effectiveGasPrice: `${10n * e(9)}` }; // 0.001 ETH = $2
    const a = {
      ...tradeOf({
        pool: 1,
        tokenIn: USDC,
        tokenOut: WETH,
        amountIn: 2_000n * e(6),
        amountOut: e(18),
        blockNumber: 11,
      }),
      ...gas,
    };
    const b = {
      ...tradeOf({
        pool: 1,
        tokenIn: USDC,
        tokenOut: WETH,
        amountIn: 2_000n * e(6),
        amountOut: e(18),
        blockNumber: 11,
      }),
      ...gas,
      txHash: a.txHash,
    };
    const first = analyzeTrade(book, createLedger({ wallet }), a, decimals);
    const second = analyzeTrade(book, first.ledger, b, decimals);
    expect(formatFixed(first.analyzed.gasFeeUsd!)).toBe('2');
    expect(second.analyzed.gasFeeUsd).toBeNull();
    expect(formatFixed(second.ledger.totals.gasFeesUsd)).toBe('2');
    expect(second.ledger.totals.gasFeeUnknownTrades).toBe(0);
  });

  it('shows gas once even when the first trade of the transaction cannot be booked', () => {
    const book = testBook();
    addV2(book, 1, [USDC, 2_000_000n * e(6)], [WETH, 1_000n * e(18)], 10);
    const gas = { gasUsed: '100000', effectiveGasPrice: `${10n * e(9)}` }; // 0.001 ETH = $2
    const spec = { pool: 1, tokenIn: USDC, tokenOut: WETH, amountIn: 2_000n * e(6) };
    const a = { ...tradeOf({ ...spec, amountOut: e(18), blockNumber: 11 }), ...gas };
    const b = { ...a, logIndex: a.logIndex + 1 };
    // The first trade's USDC decimals are unknown: priced, but not booked.
    const noUsdc = (token: string) => (token === USDC ? null : DECIMALS[token]);
    const ledger = createLedger({ wallet });
    const first = analyzeTrade(book, ledger, a, noUsdc);
    expect(first.analyzed.realizedPnlUsd).toBeNull();
    expect(formatFixed(first.analyzed.gasFeeUsd!)).toBe('2');
    expect(first.ledger.totals).toEqual(ledger.totals);
    const second = analyzeTrade(book, first.ledger, b, decimals);
    expect(second.analyzed.gasFeeUsd).toBeNull();
    expect(second.ledger.totals.tradeCount).toBe(1);
    // Seen again (a redelivery): nothing moves.
    expect(analyzeTrade(book, second.ledger, a, noUsdc).ledger).toBe(second.ledger);
  });

  it('leaves a trade it cannot value out of the ledger, saying so with nulls', () => {
    const book = testBook();
    // TKN has no pool against a priced token: no USD value.
    const trade = tradeOf({
      pool: 7,
      tokenIn: TKN,
      tokenOut: WETH,
      amountIn: e(18),
      amountOut: e(15),
    });
    const ledger = createLedger({ wallet });
    const out = analyzeTrade(book, ledger, trade, decimals);
    expect(out.ledger).toBe(ledger);
    expect(out.analyzed.pricing.volumeUsd).toBeNull();
    expect(out.analyzed.realizedPnlUsd).toBeNull();
  });
});
