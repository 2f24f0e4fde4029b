import type { Protocol } from '@tidemark/schema';
import { normalizeAddress } from './config';
import { parseUint } from './uint';
import { PricingInputError, type BookPool, type PoolState } from './types';

/** A pool in a snapshot: plain JSON, big integers as decimal strings. */
export interface PoolSnapshot {
  pool: string;
  protocol: Protocol;
  token0: string;
  token1: string;
  feePpm: number | null;
  position: { blockNumber: number; logIndex: number };
  state:
    | { kind: 'v2'; reserve0: string; reserve1: string }
    | { kind: 'v3'; sqrtPriceX96: string; liquidity: string }
    | null;
}

/**
 * Everything a price book knows, as plain JSON. Prices are not in it: they are a pure function
 * of the pools, recomputed after a restore.
 */
export interface PriceBookSnapshot {
  version: 1;
  chainId: number;
  block: number;
  /** Sorted by address, so equal books give equal snapshots. */
  pools: PoolSnapshot[];
}

function stateToJson(state: PoolState | null): PoolSnapshot['state'] {
  if (!state) return null;
  return state.kind === 'v2'
    ? { kind: 'v2', reserve0: state.reserve0.toString(), reserve1: state.reserve1.toString() }
    : {
        kind: 'v3',
        sqrtPriceX96: state.sqrtPriceX96.toString(),
        liquidity: state.liquidity.toString(),
      };
}

export function toSnapshot(
  chainId: number,
  block: number,
  pools: Iterable<BookPool>,
): PriceBookSnapshot {
  const list = [...pools].sort((a, b) => (a.pool < b.pool ? -1 : 1));
  return {
    version: 1,
    chainId,
    block,
    pools: list.map((p) => ({
      pool: p.pool,
      protocol: p.protocol,
      token0: p.token0,
      token1: p.token1,
      feePpm: p.feePpm,
      position: { blockNumber: p.position.blockNumber, logIndex: p.position.logIndex },
      state: stateToJson(p.state),
    })),
  };
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new PricingInputError(`price book snapshot ${where}: expected an object`);
  return value as Json;
}

function count(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0)
    throw new PricingInputError(`price book snapshot ${where}: expected a non-negative integer`);
  return value as number;
}

function stateFromJson(value: unknown, where: string): PoolState | null {
  if (value === null) return null;
  const state = object(value, where);
  if (state.kind === 'v2')
    return {
      kind: 'v2',
      reserve0: parseUint(state.reserve0, `price book snapshot ${where}.reserve0`),
      reserve1: parseUint(state.reserve1, `price book snapshot ${where}.reserve1`),
    };
  if (state.kind === 'v3')
    return {
      kind: 'v3',
      sqrtPriceX96: parseUint(state.sqrtPriceX96, `price book snapshot ${where}.sqrtPriceX96`),
      liquidity: parseUint(state.liquidity, `price book snapshot ${where}.liquidity`),
    };
  throw new PricingInputError(`price book snapshot ${where}.kind: expected "v2" or "v3"`);
}

function poolFromJson(value: unknown, where: string): BookPool {
  const p = object(value, where);
  if (p.protocol !== 'uniswap-v2' && p.protocol !== 'uniswap-v3')
    throw new PricingInputError(
      `price book snapshot ${where}.protocol: expected uniswap-v2 or uniswap-v3`,
    );
  if (p.feePpm !== null && !Number.isSafeInteger(p.feePpm))
    throw new PricingInputError(`price book snapshot ${where}.feePpm: expected an integer or null`);
  const position = object(p.position, `${where}.position`);
  return {
    pool: normalizeAddress(p.pool, `price book snapshot ${where}.pool`),
    protocol: p.protocol,
    token0: normalizeAddress(p.token0, `price book snapshot ${where}.token0`),
    token1: normalizeAddress(p.token1, `price book snapshot ${where}.token1`),
    feePpm: p.feePpm as number | null,
    position: {
      blockNumber: count(position.blockNumber, `${where}.position.blockNumber`),
      logIndex: count(position.logIndex, `${where}.position.logIndex`),
    },
    state: stateFromJson(p.state, `${where}.state`),
  };
}

/** Reads a snapshot back (from JSON or an object), refusing anything malformed or of another chain. */
export function fromSnapshot(
  value: unknown,
  chainId: number,
): { block: number; pools: Map<string, BookPool> } {
  const snapshot = object(value, '(root)');
  if (snapshot.version !== 1)
    throw new PricingInputError(`price book snapshot: unknown version ${String(snapshot.version)}`);
  if (snapshot.chainId !== chainId)
    throw new PricingInputError(
      `price book snapshot is of chain ${String(snapshot.chainId)}, this book prices chain ${chainId}`,
    );
  if (!Array.isArray(snapshot.pools))
    throw new PricingInputError('price book snapshot pools: expected an array');
  const pools = new Map<string, BookPool>();
  snapshot.pools.forEach((entry, i) => {
    const pool = poolFromJson(entry, `pools[${i}]`);
    if (pools.has(pool.pool))
      throw new PricingInputError(
        `price book snapshot pools[${i}]: pool ${pool.pool} appears twice`,
      );
    pools.set(pool.pool, pool);
  });
  return { block: count(snapshot.block, 'block'), pools };
}
