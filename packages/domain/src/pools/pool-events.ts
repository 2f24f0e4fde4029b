import type { Protocol } from '@tidemark/schema';
import type { DecodedLog } from '../decode/decode-log';

export interface PoolCreation {
  factory: string;
  pool: string;
  token0: string;
  token1: string;
  protocol: Protocol;
  /** V3: the fee tier in millionths (3000 = 0.3 %), as the creation event states it. */
  fee?: number;
}

/** What a decoded log says about pools: one was created, one acted, or nothing. */
export type PoolFact =
  | { kind: 'created'; creation: PoolCreation }
  | { kind: 'acted'; pool: string; protocol: Protocol }
  | { kind: 'none' };

export function poolFact(decoded: DecodedLog): PoolFact {
  switch (decoded.kind) {
    case 'pairCreated':
      return {
        kind: 'created',
        creation: { ...pick(decoded), pool: decoded.pair, protocol: 'uniswap-v2' },
      };
    case 'poolCreatedV3':
      return {
        kind: 'created',
        creation: {
          ...pick(decoded),
          pool: decoded.pool,
          protocol: 'uniswap-v3',
          fee: decoded.fee,
        },
      };
    case 'swapV2':
    case 'syncV2':
      return { kind: 'acted', pool: decoded.pool, protocol: 'uniswap-v2' };
    case 'swapV3':
      return { kind: 'acted', pool: decoded.pool, protocol: 'uniswap-v3' };
    case 'transfer':
      return { kind: 'none' };
    default: {
      const never: never = decoded;
      throw new Error(`unhandled decoded log ${JSON.stringify(never)}`);
    }
  }
}

function pick(d: { factory: string; token0: string; token1: string }) {
  return { factory: d.factory, token0: d.token0, token1: d.token1 };
}
