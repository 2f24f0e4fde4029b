import { z } from 'zod';
import type { TradeCursor } from '@tidemark/domain';
import type { TradeExecutedV1 } from '@tidemark/schema';
import { badUserInput } from '../server/errors';

const whole = z.number().int().nonnegative();
/** Version tag first, so the encoding can change without misreading old cursors. */
const CursorTuple = z.tuple([z.literal(1), whole, whole, whole, whole]);

/** An opaque, URL-safe position of `trade` in time: valid in either order of trades. */
export function encodeTradeCursor(trade: TradeCursor | TradeExecutedV1): string {
  const tuple = [1, trade.timestamp, trade.chainId, trade.blockNumber, trade.logIndex];
  return Buffer.from(JSON.stringify(tuple), 'utf8').toString('base64url');
}

/**
 * Reads a cursor a caller sent back in `argument`; anything we did not issue (a cursor of another
 * list included) is BAD_USER_INPUT.
 */
export function decodeTradeCursor(cursor: string, argument = 'after'): TradeCursor {
  let value: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badUserInput(
      `invalid cursor "${argument}": ${JSON.stringify(cursor)} is not a cursor this API issued for trades`,
    );
  }
  const parsed = CursorTuple.safeParse(value);
  if (!parsed.success) {
    throw badUserInput(
      `invalid cursor "${argument}": ${JSON.stringify(cursor)} is not a cursor this API issued for trades`,
    );
  }
  const [, timestamp, chainId, blockNumber, logIndex] = parsed.data;
  return { timestamp, chainId, blockNumber, logIndex };
}
