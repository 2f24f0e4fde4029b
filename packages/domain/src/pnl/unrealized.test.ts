import { describe, expect, it } from 'vitest';
import { replay } from './apply-trade';
import { InvalidLedgerInputError } from './errors';
import { ALT, CHAIN, ledgerFor, raw, swap, TKN, USDC, usd } from './ledger-fixtures';
import { unrealizedPnl, type PriceLookup } from './unrealized';

// 10 TKN for $1000 ($100 each) and 100 ALT (8 decimals) for $500 ($5 each); USDC only spent.
const ledger = replay(ledgerFor(), [
  swap({ block: 1, sell: [USDC, '1000'], buy: [TKN, '10'], usd: '1000' }),
  swap({ block: 2, sell: [USDC, '500'], buy: [ALT, '100'], usd: '500' }),
]);
const prices =
  (table: Record<string, string>): PriceLookup =>
  (_chainId, token) =>
    table[token] === undefined ? null : usd(table[token]);

describe('unrealizedPnl', () => {
  it('values what is held at the given prices', () => {
    // TKN at $120: 1200 - 1000 = 200. ALT at $4.5: 450 - 500 = -50. Total 150.
    const result = unrealizedPnl(ledger, prices({ [TKN]: '120', [ALT]: '4.5' }));
    expect(result.unrealizedPnlUsd).toBe(usd('150'));
    expect(result.pricedUnrealizedPnlUsd).toBe(usd('150'));
    expect(result.unpriced).toEqual([]);
    // Positions with nothing held (the USDC spent) are left out.
    expect(result.positions).toEqual([
      {
        chainId: CHAIN,
        token: TKN,
        quantity: raw(TKN, '10'),
        costBasisUsd: usd('1000'),
        priceUsd: usd('120'),
        valueUsd: usd('1200'),
        unrealizedPnlUsd: usd('200'),
      },
      {
        chainId: CHAIN,
        token: ALT,
        quantity: raw(ALT, '100'),
        costBasisUsd: usd('500'),
        priceUsd: usd('4.5'),
        valueUsd: usd('450'),
        unrealizedPnlUsd: usd('-50'),
      },
    ]);
  });

  it('lists a token without a price as unpriced instead of counting it as zero', () => {
    const result = unrealizedPnl(ledger, prices({ [TKN]: '120' }));
    expect(result.unrealizedPnlUsd).toBeNull();
    expect(result.pricedUnrealizedPnlUsd).toBe(usd('200'));
    expect(result.unpriced).toEqual([{ chainId: CHAIN, token: ALT }]);
    expect(result.positions.find((p) => p.token === ALT)).toMatchObject({
      priceUsd: null,
      valueUsd: null,
      unrealizedPnlUsd: null,
    });
    // A price of zero is a price: ALT is then worth nothing, -500.
    const zero = unrealizedPnl(ledger, prices({ [TKN]: '120', [ALT]: '0' }));
    expect(zero.unrealizedPnlUsd).toBe(usd('-300'));
  });

  it('refuses a price that is not a Fixed', () => {
    const float: PriceLookup = () => 1.5 as unknown as bigint;
    expect(() => unrealizedPnl(ledger, float)).toThrow(InvalidLedgerInputError);
    expect(() => unrealizedPnl(ledger, () => -1n)).toThrow(/non-negative Fixed/);
  });
});
