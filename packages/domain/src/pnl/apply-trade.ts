import { InvalidTradeError, LedgerOrderError } from './errors';
import { isCash, positionKey } from './ledger';
import { acquire, dispose, emptyPosition } from './position';
import type { LedgerTotals, LedgerTrade, PnlPoint, LedgerPosition, WalletLedger } from './types';
import { checkTrade } from './validate';

/**
 * The ledger after one trade: a new value, the input is left untouched. A trade at or before the
 * last one applied on its chain is a redelivery and returns the same ledger (`===`); a different
 * trade at exactly that position means a reorg was not rolled back first and is refused.
 */
export function applyTrade(ledger: WalletLedger, trade: LedgerTrade): WalletLedger {
  checkTrade(trade);
  if (trade.wallet.toLowerCase() !== ledger.wallet)
    throw new InvalidTradeError(
      `trade ${trade.id} wallet: ${trade.wallet} is not this ledger's wallet ${ledger.wallet}`,
    );
  if (alreadyApplied(ledger, trade)) return ledger;
  const settled = settle(ledger, trade);
  return {
    ...ledger,
    positions: { ...ledger.positions, ...settled.positions },
    cursors: {
      ...ledger.cursors,
      [String(trade.chainId)]: {
        blockNumber: trade.blockNumber,
        logIndex: trade.logIndex,
        tradeId: trade.id,
      },
    },
    totals: addTrade(ledger.totals, trade, settled),
  };
}

/**
 * The ledger having seen a trade it does not book (no USD value or decimals): only its position
 * moves, so that what is charged per transaction (gas) is not charged again by a later trade of
 * the same transaction. Returns the same ledger for a trade at or before that position.
 */
export function markSeen(
  ledger: WalletLedger,
  trade: Pick<LedgerTrade, 'id' | 'chainId' | 'blockNumber' | 'logIndex'>,
): WalletLedger {
  const cursor = ledger.cursors[String(trade.chainId)];
  const order = cursor
    ? trade.blockNumber - cursor.blockNumber || trade.logIndex - cursor.logIndex
    : 1;
  if (order <= 0) return ledger;
  const at = { blockNumber: trade.blockNumber, logIndex: trade.logIndex, tradeId: trade.id };
  return { ...ledger, cursors: { ...ledger.cursors, [String(trade.chainId)]: at } };
}

/**
 * Whether the ledger has consumed this trade's position on its chain already. Throws
 * `LedgerOrderError` for a different trade at exactly the last applied position.
 */
export function alreadyApplied(ledger: WalletLedger, trade: LedgerTrade): boolean {
  const cursor = ledger.cursors[String(trade.chainId)];
  if (!cursor) return false;
  const order = trade.blockNumber - cursor.blockNumber || trade.logIndex - cursor.logIndex;
  if (order > 0) return false;
  if (order === 0 && trade.id !== cursor.tradeId)
    throw new LedgerOrderError(
      `trade ${trade.id} sits at block ${trade.blockNumber} log ${trade.logIndex} of chain ` +
        `${trade.chainId}, where trade ${cursor.tradeId} was applied: restore the ledger from ` +
        'before the retracted trade, then apply',
    );
  return true;
}

interface Settled {
  readonly positions: Record<string, LedgerPosition>;
  readonly realizedUsd: bigint;
  readonly closing: boolean;
  readonly winning: boolean;
}

/**
 * Both legs of a trade. Gas is charged to one leg only, so that it is counted once: deducted from
 * the proceeds of the sold token (a realized cost at once), except when the sold token is cash and
 * the bought one is not; then it is added to the cost of what was bought, where a buy paid in cash
 * belongs.
 */
function settle(ledger: WalletLedger, trade: LedgerTrade): Settled {
  const soldKey = positionKey(trade.chainId, trade.tokenIn);
  const boughtKey = positionKey(trade.chainId, trade.tokenOut);
  const sold = positionOf(ledger, trade, 'in');
  const bought = positionOf(ledger, trade, 'out');
  const gas = trade.gasFeeUsd ?? 0n;
  const gasOnBought = isCash(ledger, soldKey) && !isCash(ledger, boughtKey);
  const sale = dispose(
    sold,
    trade.amountIn,
    trade.volumeUsd,
    gasOnBought ? 0n : gas,
    ledger.method,
  );
  const buy = acquire(
    bought,
    trade.amountOut,
    trade.volumeUsd + (gasOnBought ? gas : 0n),
    ledger.method,
  );
  const closing = sale.trackedQuantity > 0n && !isCash(ledger, soldKey);
  return {
    positions: { [soldKey]: sale.position, [boughtKey]: buy },
    realizedUsd: sale.realizedUsd + buy.realizedPnlUsd - bought.realizedPnlUsd,
    closing,
    winning: closing && sale.trackedRealizedUsd > 0n,
  };
}

/** The ledger's position in one leg's token, or an empty one; the decimals must agree. */
function positionOf(ledger: WalletLedger, trade: LedgerTrade, leg: 'in' | 'out'): LedgerPosition {
  const [token, decimals] =
    leg === 'in' ? [trade.tokenIn, trade.decimalsIn] : [trade.tokenOut, trade.decimalsOut];
  const existing = ledger.positions[positionKey(trade.chainId, token)];
  if (!existing) return emptyPosition(trade.chainId, token.toLowerCase(), decimals);
  if (existing.decimals !== decimals)
    throw new InvalidTradeError(
      `trade ${trade.id} decimals${leg === 'in' ? 'In' : 'Out'}: ${decimals}, but earlier trades ` +
        `of ${existing.token} said ${existing.decimals}`,
    );
  return existing;
}

function addTrade(totals: LedgerTotals, trade: LedgerTrade, settled: Settled): LedgerTotals {
  return {
    tradeCount: totals.tradeCount + 1,
    volumeUsd: totals.volumeUsd + trade.volumeUsd,
    poolFeesUsd: totals.poolFeesUsd + (trade.feeUsd ?? 0n),
    gasFeesUsd: totals.gasFeesUsd + (trade.gasFeeUsd ?? 0n),
    poolFeeUnknownTrades: totals.poolFeeUnknownTrades + (trade.feeUsd === null ? 1 : 0),
    gasFeeUnknownTrades: totals.gasFeeUnknownTrades + (trade.gasFeeUsd === null ? 1 : 0),
    realizedPnlUsd: totals.realizedPnlUsd + settled.realizedUsd,
    closingSells: totals.closingSells + (settled.closing ? 1 : 0),
    winningSells: totals.winningSells + (settled.winning ? 1 : 0),
  };
}

/** Applies trades in order, from `start` (a new or seeded ledger, or a restored one). */
export function replay(start: WalletLedger, trades: Iterable<LedgerTrade>): WalletLedger {
  let ledger = start;
  for (const trade of trades) ledger = applyTrade(ledger, trade);
  return ledger;
}

/** The history point of `ledger` right after it applied `trade`. */
export const pnlPoint = (ledger: WalletLedger, trade: LedgerTrade): PnlPoint => ({
  tradeId: trade.id,
  chainId: trade.chainId,
  blockNumber: trade.blockNumber,
  timestamp: trade.timestamp,
  realizedPnlUsd: ledger.totals.realizedPnlUsd,
});

/**
 * `replay` that also returns one history point per trade applied (redeliveries add none). The
 * ledger itself keeps no history, so that the state persisted per trade stays small.
 */
export function replayWithHistory(
  start: WalletLedger,
  trades: Iterable<LedgerTrade>,
): { ledger: WalletLedger; history: PnlPoint[] } {
  let ledger = start;
  const history: PnlPoint[] = [];
  for (const trade of trades) {
    const next = applyTrade(ledger, trade);
    if (next !== ledger) history.push(pnlPoint(next, trade));
    ledger = next;
  }
  return { ledger, history };
}
