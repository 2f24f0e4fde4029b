import { usdValue, type Fixed } from '../money/fixed';
import { InvalidLedgerInputError } from './errors';
import { acquire, emptyPosition } from './position';
import type { CostMethod, LedgerTotals, WalletLedger } from './types';
import { addressOf, checkBigint, checkDecimals, checkInteger } from './validate';

export interface LedgerTokenRef {
  readonly chainId: number;
  readonly token: string;
}

export interface LedgerOptions {
  readonly wallet: string;
  /** Defaults to `average`. */
  readonly method?: CostMethod;
  /**
   * Tokens the wallet holds as money (a chain's stablecoins): their positions are kept like any
   * other, but spending them is not a closing sell for the win rate, and gas paid on a trade that
   * spends them goes into the cost of what was bought.
   */
  readonly cashTokens?: readonly LedgerTokenRef[];
}

/** The key of a position: chain id and lower-case token address. */
export const positionKey = (chainId: number, token: string): string =>
  `${chainId}:${token.toLowerCase()}`;

/** Orders positions (or anything with a chain and token) by chain id, then address. */
export const byChainAndToken = (a: LedgerTokenRef, b: LedgerTokenRef): number =>
  a.chainId - b.chainId || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0);

const emptyTotals: LedgerTotals = {
  tradeCount: 0,
  volumeUsd: 0n,
  poolFeesUsd: 0n,
  gasFeesUsd: 0n,
  poolFeeUnknownTrades: 0,
  gasFeeUnknownTrades: 0,
  realizedPnlUsd: 0n,
  closingSells: 0,
  winningSells: 0,
};

/** The ledger of a wallet that has traded nothing yet. */
export function createLedger(options: LedgerOptions): WalletLedger {
  const method = options.method ?? 'average';
  if (method !== 'average' && method !== 'fifo')
    throw new InvalidLedgerInputError(
      `cost method: expected "average" or "fifo", got "${String(method)}"`,
    );
  const cash = (options.cashTokens ?? []).map((ref, i) => {
    checkInteger(ref.chainId, `cashTokens[${i}].chainId`, 1, InvalidLedgerInputError);
    return positionKey(
      ref.chainId,
      addressOf(ref.token, `cashTokens[${i}].token`, InvalidLedgerInputError),
    );
  });
  return {
    wallet: addressOf(options.wallet, 'wallet', InvalidLedgerInputError),
    method,
    cashTokens: [...new Set(cash)].sort(),
    positions: {},
    cursors: {},
    totals: emptyTotals,
  };
}

export const isCash = (ledger: WalletLedger, key: string): boolean =>
  ledger.cashTokens.includes(key);

export interface OpeningBalance {
  readonly chainId: number;
  readonly token: string;
  readonly decimals: number;
  /** Raw units held before the first trade the ledger sees. */
  readonly quantity: bigint;
  /** USD per whole token the balance is valued at; it becomes the cost basis. */
  readonly priceUsd: Fixed;
}

/**
 * Starts a position from a balance the wallet already held (a wallet first seen mid-history),
 * costed at `priceUsd`. Only for a token the ledger has not seen: a balance cannot be opened twice.
 */
export function seedPosition(ledger: WalletLedger, seed: OpeningBalance): WalletLedger {
  const E = InvalidLedgerInputError;
  checkInteger(seed.chainId, 'seed chainId', 1, E);
  const token = addressOf(seed.token, 'seed token', E);
  checkDecimals(seed.decimals, 'seed decimals', E);
  checkBigint(seed.quantity, 'seed quantity', 1n, E);
  checkBigint(seed.priceUsd, 'seed priceUsd', 0n, E);
  const key = positionKey(seed.chainId, token);
  if (ledger.positions[key])
    throw new E(`seed ${key}: the wallet already has a position in this token`);
  const cost = usdValue(seed.quantity, seed.decimals, seed.priceUsd);
  const position = acquire(
    emptyPosition(seed.chainId, token, seed.decimals),
    seed.quantity,
    cost,
    ledger.method,
  );
  return { ...ledger, positions: { ...ledger.positions, [key]: position } };
}
