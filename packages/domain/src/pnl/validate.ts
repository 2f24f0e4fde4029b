import { InvalidTradeError } from './errors';
import type { LedgerTrade } from './types';

type ErrorClass = new (message: string) => Error;

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** A lower-case address, or the error naming what was wrong. */
export function addressOf(value: unknown, what: string, error: ErrorClass): string {
  if (typeof value !== 'string' || !ADDRESS.test(value))
    throw new error(`${what}: expected a 0x-prefixed 20-byte hex address, got ${show(value)}`);
  return value.toLowerCase();
}

export function checkInteger(value: unknown, what: string, min: number, error: ErrorClass): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    throw new error(`${what}: expected an integer of at least ${min}, got ${show(value)}`);
}

export function checkDecimals(value: unknown, what: string, error: ErrorClass): void {
  checkInteger(value, what, 0, error);
  if ((value as number) > 255) throw new error(`${what}: expected at most 255, got ${show(value)}`);
}

export function checkBigint(value: unknown, what: string, min: bigint, error: ErrorClass): void {
  if (typeof value !== 'bigint' || value < min)
    throw new error(`${what}: expected a bigint of at least ${min}, got ${show(value)}`);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** Refuses a trade the ledger cannot account for, naming the trade and the field. */
export function checkTrade(trade: LedgerTrade): void {
  const id = typeof trade.id === 'string' && trade.id !== '' ? trade.id : null;
  if (id === null) throw new InvalidTradeError('trade id: expected a non-empty string');
  const at = (field: string) => `trade ${id} ${field}`;
  const E = InvalidTradeError;
  checkInteger(trade.chainId, at('chainId'), 1, E);
  checkInteger(trade.blockNumber, at('blockNumber'), 0, E);
  checkInteger(trade.logIndex, at('logIndex'), 0, E);
  checkInteger(trade.timestamp, at('timestamp'), 0, E);
  addressOf(trade.wallet, at('wallet'), E);
  const tokenIn = addressOf(trade.tokenIn, at('tokenIn'), E);
  const tokenOut = addressOf(trade.tokenOut, at('tokenOut'), E);
  if (tokenIn === tokenOut) throw new E(`${at('tokenOut')}: the same token as tokenIn`);
  // A swap always takes something in; what comes out can round to nothing.
  checkBigint(trade.amountIn, at('amountIn'), 1n, E);
  checkBigint(trade.amountOut, at('amountOut'), 0n, E);
  checkDecimals(trade.decimalsIn, at('decimalsIn'), E);
  checkDecimals(trade.decimalsOut, at('decimalsOut'), E);
  checkBigint(trade.volumeUsd, at('volumeUsd'), 0n, E);
  if (trade.feeUsd !== null) checkBigint(trade.feeUsd, at('feeUsd'), 0n, E);
  if (trade.gasFeeUsd !== null) checkBigint(trade.gasFeeUsd, at('gasFeeUsd'), 0n, E);
}
