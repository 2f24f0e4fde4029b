import { ONE, divRound, formatFixed, type WalletTotals } from '@tidemark/domain';
import { decimalOut, type Int } from './values';

/** A wallet's figures summed over rows (`sum`) or read from a totals row (`plain`). */
export function totalsColumns(mode: 'sum' | 'plain'): string {
  const f = (column: string) => (mode === 'sum' ? `sum(${column})` : column);
  return `toString(${f('volume_usd')}) AS volume_text, toString(${f('fees_usd')}) AS fees_text,
    toString(${f('gas_fees_usd')}) AS gas_text, toString(${f('realized_pnl_usd')}) AS pnl_text,
    ${f('trades')} AS n_trades, ${f('wins')} AS n_wins, ${f('closes')} AS n_closes`;
}

export interface TotalsRow {
  volume_text: string;
  fees_text: string;
  gas_text: string;
  pnl_text: string;
  n_trades: Int;
  n_wins: Int;
  n_closes: Int;
}

/** wins / closes to 18 places, rounded half away from zero; null without closes. */
function winRate(wins: number, closes: number): string | null {
  return closes === 0 ? null : formatFixed(divRound(BigInt(wins) * ONE, BigInt(closes)));
}

export function totalsFromRow(wallet: string, row: TotalsRow | undefined): WalletTotals {
  if (!row) {
    return {
      wallet,
      volumeUsd: '0',
      feesUsd: '0',
      gasFeesUsd: '0',
      realizedPnlUsd: '0',
      trades: 0,
      closes: 0,
      wins: 0,
      winRate: null,
    };
  }
  const wins = Number(row.n_wins);
  const closes = Number(row.n_closes);
  return {
    wallet,
    volumeUsd: decimalOut(row.volume_text),
    feesUsd: decimalOut(row.fees_text),
    gasFeesUsd: decimalOut(row.gas_text),
    realizedPnlUsd: decimalOut(row.pnl_text),
    trades: Number(row.n_trades),
    closes,
    wins,
    winRate: winRate(wins, closes),
  };
}
