import type { PoolCreatedV1, PoolSyncedV1, TradeExecutedV1 } from '@tidemark/schema';
import { normalizeAddress } from './config';
import { parseUint } from './uint';
import { PricingInputError, type BookPool, type EventPosition, type PoolState } from './types';

/** Uniswap V2 charges 0.3% on every pool: 3000 millionths. */
export const V2_FEE_PPM = 3000;
const MAX_FEE_PPM = 1_000_000;

/** What the book needs of a pool's creation (a PoolCreatedV1, or a pool row shaped like one). */
export type PoolDefinition = Pick<
  PoolCreatedV1,
  'chainId' | 'blockNumber' | 'logIndex' | 'pool' | 'protocol' | 'token0' | 'token1' | 'fee'
>;

/** An event that may carry a pool's new state: a V2 Sync, or a V3 trade (state after the swap). */
export type StateEvent = PoolSyncedV1 | TradeExecutedV1;

/** True when `a` comes after `b` on the chain. */
export const isAfter = (a: EventPosition, b: EventPosition) =>
  a.blockNumber > b.blockNumber || (a.blockNumber === b.blockNumber && a.logIndex > b.logIndex);

export function checkChain(chainId: number, event: { chainId: number }, what: string): void {
  if (event.chainId !== chainId)
    throw new PricingInputError(
      `${what} is for chain ${event.chainId}, this price book prices chain ${chainId}`,
    );
}

function feePpmOf(def: PoolDefinition, where: string): number | null {
  if (def.protocol === 'uniswap-v2') return V2_FEE_PPM;
  if (def.fee === undefined) return null;
  if (!Number.isInteger(def.fee) || def.fee < 0 || def.fee >= MAX_FEE_PPM)
    throw new PricingInputError(
      `${where}: fee must be an integer below ${MAX_FEE_PPM}, got ${def.fee}`,
    );
  return def.fee;
}

/** A new pool, without state until its first Sync (V2) or trade (V3). */
export function poolFromDefinition(def: PoolDefinition): BookPool {
  const where = `pool ${String(def.pool)}`;
  const token0 = normalizeAddress(def.token0, `${where} token0`);
  const token1 = normalizeAddress(def.token1, `${where} token1`);
  if (token0 === token1)
    throw new PricingInputError(`${where}: token0 and token1 are both ${token0}`);
  return {
    pool: normalizeAddress(def.pool, 'pool'),
    protocol: def.protocol,
    token0,
    token1,
    feePpm: feePpmOf(def, where),
    state: null,
    position: { blockNumber: def.blockNumber, logIndex: def.logIndex },
  };
}

/** The same pool announced twice (redelivery) is fine; a different one at the same address is not. */
export function checkSamePool(known: BookPool, incoming: BookPool): void {
  const same =
    known.protocol === incoming.protocol &&
    known.token0 === incoming.token0 &&
    known.token1 === incoming.token1 &&
    known.feePpm === incoming.feePpm;
  if (!same)
    throw new PricingInputError(
      `pool ${known.pool} is already known as ${known.protocol} ${known.token0}/${known.token1} ` +
        `fee ${known.feePpm}; refusing ${incoming.protocol} ${incoming.token0}/${incoming.token1} fee ${incoming.feePpm}`,
    );
}

/**
 * The state an event gives its pool, or null when it carries none (a V2 trade: its Sync carries
 * the reserves; a V3 trade published without its state).
 */
export function stateFrom(pool: BookPool, event: StateEvent): PoolState | null {
  const where = `${event.type} ${event.txHash}:${event.logIndex}`;
  const protocol = event.type === 'PoolSyncedV1' ? 'uniswap-v2' : event.protocol;
  if (protocol !== pool.protocol)
    throw new PricingInputError(
      `${where}: a ${protocol} event for ${pool.protocol} pool ${pool.pool}`,
    );
  if (event.type === 'PoolSyncedV1')
    return {
      kind: 'v2',
      reserve0: parseUint(event.reserve0, `${where} reserve0`),
      reserve1: parseUint(event.reserve1, `${where} reserve1`),
    };
  if (event.protocol !== 'uniswap-v3' || event.sqrtPriceX96 === undefined) return null;
  if (event.liquidity === undefined) return null;
  return {
    kind: 'v3',
    sqrtPriceX96: parseUint(event.sqrtPriceX96, `${where} sqrtPriceX96`),
    liquidity: parseUint(event.liquidity, `${where} liquidity`),
  };
}
