import { describe, expect, it } from 'vitest';
import { replay } from './apply-trade';
import { InvalidLedgerStateError } from './errors';
import { ledgerFor, swap, TKN, USDC, WALLET } from './ledger-fixtures';
import { ledgerFromJSON, ledgerToJSON } from './serialize';
import type { CostMethod } from './types';

const trades = [
  swap({ block: 1, sell: [USDC, '100'], buy: [TKN, '3'], usd: '100', fee: '0.3', gas: '0.01' }),
  swap({ block: 2, sell: [TKN, '1'], buy: [USDC, '20'], usd: '20', gas: null }),
];

describe('ledger JSON', () => {
  it.each<CostMethod>(['average', 'fifo'])(
    'round-trips a %s ledger through JSON text',
    (method) => {
      for (const ledger of [ledgerFor(method), replay(ledgerFor(method), trades)]) {
        const text = JSON.stringify(ledgerToJSON(ledger));
        expect(ledgerFromJSON(JSON.parse(text))).toEqual(ledger);
      }
    },
  );

  it('writes raw amounts as integers and USD as exact decimal text', () => {
    // TKN: 3 for 100.01 (gas on the cost), sell 1 for 20: cost 33.336666666666666667, realized
    // 20 - 33.336666666666666667 = -13.336666666666666667.
    const json = ledgerToJSON(replay(ledgerFor('fifo'), trades));
    expect(json).toMatchObject({
      version: 1,
      wallet: WALLET,
      method: 'fifo',
      cashTokens: [`1:${USDC}`],
      cursors: [{ chainId: 1, blockNumber: 2, logIndex: 0, tradeId: 't2-0' }],
      totals: {
        tradeCount: 2,
        volumeUsd: '120',
        poolFeesUsd: '0.3',
        gasFeesUsd: '0.01',
        poolFeeUnknownTrades: 1,
        gasFeeUnknownTrades: 1,
        realizedPnlUsd: '-13.336666666666666667',
        closingSells: 1,
        winningSells: 0,
      },
    });
    expect(json.positions.find((p) => p.token === TKN)).toEqual({
      chainId: 1,
      token: TKN,
      decimals: 18,
      quantity: '2000000000000000000',
      costBasisUsd: '66.673333333333333333',
      lots: [{ quantity: '2000000000000000000', costUsd: '66.673333333333333333' }],
      realizedPnlUsd: '-13.336666666666666667',
      untrackedQuantity: '0',
    });
  });

  it('refuses a state it did not write, saying where', () => {
    const good = ledgerToJSON(replay(ledgerFor('fifo'), trades));
    const tkn = good.positions.findIndex((p) => p.token === TKN);
    const withPosition = (patch: object) => ({
      ...good,
      positions: good.positions.map((p, i) => (i === tkn ? { ...p, ...patch } : p)),
    });
    const cases: [unknown, RegExp][] = [
      [null, /expected an object/],
      [{ ...good, version: 2 }, /version 2 is not 1/],
      [{ ...good, method: 'lifo' }, /\.method/],
      [
        withPosition({ quantity: '1.5' }),
        /\.positions\[\d\]\.quantity: expected an unsigned integer/,
      ],
      [withPosition({ costBasisUsd: 66.67 }), /costBasisUsd: expected a decimal string/],
      [withPosition({ quantity: '1' }), /lots do not match the fifo position/],
      [{ ...good, positions: [...good.positions, good.positions[0]] }, /appears twice/],
      [{ ...good, cursors: [{ ...good.cursors[0], tradeId: '' }] }, /tradeId/],
      [{ ...good, totals: { ...good.totals, realizedPnlUsd: '1e3' } }, /totals\.realizedPnlUsd/],
      [{ ...good, cashTokens: ['usdc'] }, /cashTokens\[0\]/],
    ];
    for (const [state, message] of cases) {
      expect(() => ledgerFromJSON(state)).toThrow(InvalidLedgerStateError);
      expect(() => ledgerFromJSON(state)).toThrow(message);
    }
  });
});
