import type { KnownFactory } from '@tidemark/domain';
import type { Protocol } from '@tidemark/schema';
import { decodeFunctionResult, encodeFunctionData, parseAbi, type Hex } from 'viem';
import type { BatchReads } from './batch-reads';

const poolAbi = parseAbi([
  'function token0() view returns (address)',
  'function token1() view returns (address)',
  'function factory() view returns (address)',
  'function fee() view returns (uint24)',
  'function getPair(address, address) view returns (address)',
  'function getPool(address, address, uint24) view returns (address)',
]);

export interface PoolOrigin {
  token0: string;
  token1: string;
  /** The configured factory that confirms it created the pool, else null. */
  verifiedBy: string | null;
  /** V3: the fee tier the pool's fee() reports; null for V2 or when it does not answer. */
  fee: number | null;
}

function asAddress(data: Hex | null | undefined): string | null {
  if (!data || data.length !== 66) return null;
  try {
    const a = decodeFunctionResult({ abi: poolAbi, functionName: 'token0', data });
    return a.toLowerCase();
  } catch {
    return null;
  }
}

function asFee(data: Hex | null | undefined): number | null {
  if (!data || data.length !== 66) return null;
  const fee = BigInt(data);
  return fee < 2n ** 24n ? Number(fee) : null;
}

const call = (to: string, fn: 'token0' | 'token1' | 'factory' | 'fee') => ({
  to,
  data: encodeFunctionData({ abi: poolAbi, functionName: fn }),
});

function confirmation(factory: KnownFactory, pool: PoolOrigin, fee: number | null) {
  if (factory.protocol === 'uniswap-v2')
    return encodeFunctionData({
      abi: poolAbi,
      functionName: 'getPair',
      args: [pool.token0 as Hex, pool.token1 as Hex],
    });
  if (fee === null) return null;
  return encodeFunctionData({
    abi: poolAbi,
    functionName: 'getPool',
    args: [pool.token0 as Hex, pool.token1 as Hex, fee],
  });
}

/**
 * Asks an address that emitted pool events what it is: its tokens, and whether a configured
 * factory confirms having created it (the pool's `factory()` names it, and the factory's
 * getPair/getPool returns the pool), which does not depend on having seen the creation event.
 * Null when the address does not answer token0/token1.
 */
export async function readPoolOrigin(
  reads: BatchReads,
  pool: string,
  protocol: Protocol,
  factories: readonly KnownFactory[],
): Promise<PoolOrigin | null> {
  const [t0, t1, f, feeData] = await reads([
    call(pool, 'token0'),
    call(pool, 'token1'),
    call(pool, 'factory'),
    call(pool, 'fee'),
  ]);
  const token0 = asAddress(t0);
  const token1 = asAddress(t1);
  if (!token0 || !token1) return null;
  const fee = protocol === 'uniswap-v3' ? asFee(feeData) : null;
  const origin: PoolOrigin = { token0, token1, verifiedBy: null, fee };
  const claimed = asAddress(f);
  const factory = factories.find((k) => k.address === claimed && k.protocol === protocol);
  const data = factory ? confirmation(factory, origin, fee) : null;
  if (!factory || !data) return origin;
  const [answer] = await reads([{ to: factory.address, data }]);
  if (asAddress(answer) === pool.toLowerCase()) origin.verifiedBy = factory.address;
  return origin;
}
