import { describe, expect, it } from 'vitest';
import { judgeCreatedPool, judgeStrangerPool, type DiscoveryPolicy } from './discovery-policy';

const FACTORY = '0x5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f';
const OTHER = '0x1f98431c8ad98523631ae4a59f267346ea31f984';
const factories = [{ address: FACTORY, protocol: 'uniswap-v2' as const }];
const factoryMode: DiscoveryPolicy = { mode: 'factory', factories };
const openMode: DiscoveryPolicy = { mode: 'open', factories };

describe('pool discovery policy', () => {
  it('factory mode indexes only pools of a configured factory and protocol', () => {
    const upper = FACTORY.toUpperCase().replace('0X', '0x');
    expect(judgeCreatedPool(factoryMode, { factory: upper, protocol: 'uniswap-v2' })).toEqual({
      index: true,
      verified: true,
    });
    expect(judgeCreatedPool(factoryMode, { factory: OTHER, protocol: 'uniswap-v2' })).toEqual({
      index: false,
    });
    expect(judgeCreatedPool(factoryMode, { factory: FACTORY, protocol: 'uniswap-v3' })).toEqual({
      index: false,
    });
    expect(judgeStrangerPool(factoryMode)).toEqual({ index: false });
  });

  it('open mode indexes every pool and verifies those of a configured factory', () => {
    expect(judgeCreatedPool(openMode, { factory: FACTORY, protocol: 'uniswap-v2' })).toEqual({
      index: true,
      verified: true,
    });
    expect(judgeCreatedPool(openMode, { factory: OTHER, protocol: 'uniswap-v2' })).toEqual({
      index: true,
      verified: false,
    });
    expect(judgeStrangerPool(openMode)).toEqual({ index: true, verified: false });
    expect(judgeStrangerPool({ mode: 'open', factories: [] })).toEqual({
      index: true,
      verified: false,
    });
  });
});
