import { formatFixed } from '../money/fixed';
import { InvalidLedgerStateError } from './errors';
import { arrayAt, intAt, objectAt, rawAt, stringAt, usdAt, type JsonObject } from './json-reader';
import { positionKey } from './ledger';
import type {
  LedgerCursor,
  CostMethod,
  LedgerTotals,
  CostLot,
  LedgerPosition,
  WalletLedger,
} from './types';
import { addressOf } from './validate';

/** Bumped when the stored shape changes, so an old state is refused rather than misread. */
export const LEDGER_JSON_VERSION = 1;

interface LotJSON {
  quantity: string;
  costUsd: string;
}
type PositionJSON = Omit<
  LedgerPosition,
  'quantity' | 'costBasisUsd' | 'lots' | 'realizedPnlUsd' | 'untrackedQuantity'
> & {
  quantity: string;
  costBasisUsd: string;
  lots: LotJSON[];
  realizedPnlUsd: string;
  untrackedQuantity: string;
};
type CursorJSON = LedgerCursor & { chainId: number };
type TotalsJSON = { [K in keyof LedgerTotals]: LedgerTotals[K] extends bigint ? string : number };

/** A ledger as plain JSON: raw amounts as integer strings, USD figures as exact decimal text. */
export interface LedgerJSON {
  version: number;
  wallet: string;
  method: CostMethod;
  cashTokens: string[];
  positions: PositionJSON[];
  cursors: CursorJSON[];
  totals: TotalsJSON;
}

const USD_TOTALS = ['volumeUsd', 'poolFeesUsd', 'gasFeesUsd', 'realizedPnlUsd'] as const;
const COUNT_TOTALS = [
  'tradeCount',
  'poolFeeUnknownTrades',
  'gasFeeUnknownTrades',
  'closingSells',
  'winningSells',
] as const;

export function ledgerToJSON(ledger: WalletLedger): LedgerJSON {
  const t = ledger.totals;
  return {
    version: LEDGER_JSON_VERSION,
    wallet: ledger.wallet,
    method: ledger.method,
    cashTokens: [...ledger.cashTokens],
    positions: Object.keys(ledger.positions)
      .sort()
      .map((key) => positionToJSON(ledger.positions[key]!)),
    cursors: Object.keys(ledger.cursors)
      .sort()
      .map((chain) => ({ chainId: Number(chain), ...ledger.cursors[chain]! })),
    totals: {
      ...Object.fromEntries(USD_TOTALS.map((k) => [k, formatFixed(t[k])])),
      ...Object.fromEntries(COUNT_TOTALS.map((k) => [k, t[k]])),
    } as TotalsJSON,
  };
}

function positionToJSON(p: LedgerPosition): PositionJSON {
  return {
    chainId: p.chainId,
    token: p.token,
    decimals: p.decimals,
    quantity: p.quantity.toString(),
    costBasisUsd: formatFixed(p.costBasisUsd),
    lots: p.lots.map((lot) => ({
      quantity: lot.quantity.toString(),
      costUsd: formatFixed(lot.costUsd),
    })),
    realizedPnlUsd: formatFixed(p.realizedPnlUsd),
    untrackedQuantity: p.untrackedQuantity.toString(),
  };
}

/** Reads back what `ledgerToJSON` wrote (also after `JSON.parse`); refuses anything else. */
export function ledgerFromJSON(json: unknown): WalletLedger {
  const o = objectAt(json, '');
  if (o.version !== LEDGER_JSON_VERSION)
    throw new InvalidLedgerStateError(
      `ledger state version ${String(o.version)} is not ${LEDGER_JSON_VERSION}: re-run the wallet's trades`,
    );
  const method = o.method;
  if (method !== 'average' && method !== 'fifo')
    throw new InvalidLedgerStateError(`ledger state .method: expected "average" or "fifo"`);
  const positions: Record<string, LedgerPosition> = {};
  arrayAt(o, 'positions', '').forEach((value, i) => {
    const position = positionFromJSON(objectAt(value, `.positions[${i}]`), `.positions[${i}]`);
    checkLots(position, method, `.positions[${i}]`);
    const key = positionKey(position.chainId, position.token);
    if (positions[key]) throw new InvalidLedgerStateError(`ledger state: ${key} appears twice`);
    positions[key] = position;
  });
  return {
    wallet: addressOf(o.wallet, 'ledger state .wallet', InvalidLedgerStateError),
    method,
    cashTokens: [
      ...new Set(arrayAt(o, 'cashTokens', '').map((key, i) => cashKey(key, `.cashTokens[${i}]`))),
    ].sort(),
    positions,
    cursors: cursorsFromJSON(arrayAt(o, 'cursors', '')),
    totals: totalsFromJSON(objectAt(o.totals, '.totals')),
  };
}

function positionFromJSON(o: JsonObject, at: string): LedgerPosition {
  return {
    chainId: intAt(o, 'chainId', at, 1),
    token: addressOf(o.token, `ledger state ${at}.token`, InvalidLedgerStateError),
    decimals: intAt(o, 'decimals', at),
    quantity: rawAt(o, 'quantity', at),
    costBasisUsd: usdAt(o, 'costBasisUsd', at),
    lots: arrayAt(o, 'lots', at).map((value, i): CostLot => {
      const lot = objectAt(value, `${at}.lots[${i}]`);
      return {
        quantity: rawAt(lot, 'quantity', `${at}.lots[${i}]`),
        costUsd: usdAt(lot, 'costUsd', `${at}.lots[${i}]`),
      };
    }),
    realizedPnlUsd: usdAt(o, 'realizedPnlUsd', at),
    untrackedQuantity: rawAt(o, 'untrackedQuantity', at),
  };
}

/** FIFO lots must add up to the position; an average-cost position has none. */
function checkLots(p: LedgerPosition, method: CostMethod, at: string): void {
  const quantity = p.lots.reduce((sum, lot) => sum + lot.quantity, 0n);
  const cost = p.lots.reduce((sum, lot) => sum + lot.costUsd, 0n);
  const consistent =
    method === 'fifo' ? quantity === p.quantity && cost === p.costBasisUsd : p.lots.length === 0;
  if (!consistent)
    throw new InvalidLedgerStateError(
      `ledger state ${at}: lots do not match the ${method} position`,
    );
}

function cashKey(value: unknown, at: string): string {
  if (typeof value !== 'string' || !/^[1-9][0-9]*:0x[0-9a-f]{40}$/.test(value))
    throw new InvalidLedgerStateError(`ledger state ${at}: expected "<chainId>:<address>"`);
  return value;
}

function cursorsFromJSON(values: unknown[]): Record<string, LedgerCursor> {
  const cursors: Record<string, LedgerCursor> = {};
  values.forEach((value, i) => {
    const o = objectAt(value, `.cursors[${i}]`);
    const chain = String(intAt(o, 'chainId', `.cursors[${i}]`, 1));
    if (cursors[chain]) throw new InvalidLedgerStateError(`ledger state: chain ${chain} twice`);
    cursors[chain] = {
      blockNumber: intAt(o, 'blockNumber', `.cursors[${i}]`),
      logIndex: intAt(o, 'logIndex', `.cursors[${i}]`),
      tradeId: stringAt(o, 'tradeId', `.cursors[${i}]`),
    };
  });
  return cursors;
}

function totalsFromJSON(o: JsonObject): LedgerTotals {
  return {
    ...Object.fromEntries(USD_TOTALS.map((k) => [k, usdAt(o, k, '.totals')])),
    ...Object.fromEntries(COUNT_TOTALS.map((k) => [k, intAt(o, k, '.totals')])),
  } as unknown as LedgerTotals;
}
