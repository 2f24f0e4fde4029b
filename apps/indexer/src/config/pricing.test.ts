import { describe, expect, it } from 'vitest';
import { ChainConfig } from './chains';
import { pricingFor } from './pricing';

const base = { id: 5, name: 'x', rpcUrl: 'http://127.0.0.1:8545' };
const USDC = '0xA0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';
const WETH = '0xC02aaa39b223FE8D0A0e5C4F27eAD9083C756Cc2';

describe('chain pricing', () => {
  it('takes a chain its own anchors, lower-cased, with the default liquidity floor', () => {
    const chain = ChainConfig.parse({
      ...base,
      pricing: { stablecoins: [USDC], wrappedNative: WETH },
    });
    expect(pricingFor(chain.id, chain.pricing)).toEqual({
      stablecoins: [USDC.toLowerCase()],
      wrappedNative: WETH.toLowerCase(),
      minLiquidityUsd: '10000',
    });
  });

  it('knows Ethereum, and leaves an unknown chain without pricing', () => {
    expect(pricingFor(1, undefined)?.stablecoins).toHaveLength(3);
    expect(pricingFor(1, undefined)?.wrappedNative).toBe(WETH.toLowerCase());
    expect(pricingFor(5, undefined)).toBeNull();
  });

  it('refuses bad pricing with a message that says what is wrong', () => {
    const bad = (pricing: unknown) => ChainConfig.safeParse({ ...base, pricing });
    expect(bad({ stablecoins: [], wrappedNative: WETH }).error?.issues[0]?.message).toMatch(
      /at least one stablecoin/,
    );
    expect(bad({ stablecoins: ['0x12'], wrappedNative: WETH }).error?.issues[0]?.message).toMatch(
      /20-byte address/,
    );
    expect(
      bad({ stablecoins: [USDC], wrappedNative: WETH, minLiquidityUsd: '1e5' }).error?.issues[0]
        ?.message,
    ).toMatch(/non-negative decimal/);
  });
});
