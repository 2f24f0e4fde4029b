import type { TokenRecord } from '@tidemark/domain';
import { describe, expect, it } from 'vitest';
import { TokenDecimals } from './token-decimals';

const A = '0x00000000000000000000000000000000000000aa';
const B = '0x00000000000000000000000000000000000000bb';

describe('TokenDecimals', () => {
  it('reloads the catalog only for a token it never listed, not for one without decimals', async () => {
    const catalog: TokenRecord[] = [
      { chainId: 1, address: A, symbol: null, name: null, decimals: null },
    ];
    let reads = 0;
    const decimals = new TokenDecimals(
      { getTokens: () => ((reads += 1), Promise.resolve([...catalog])) },
      1,
    );
    await decimals.ensure([A]);
    await decimals.ensure([A.toUpperCase().replace('0X', '0x')]);
    expect(reads).toBe(1);
    expect(decimals.get(A)).toBeNull();
    catalog.push({ chainId: 1, address: B, symbol: 'B', name: 'B', decimals: 6 });
    await decimals.ensure([A, B]);
    expect(reads).toBe(2);
    expect(decimals.get(B)).toBe(6);
    expect(decimals.get('0x00000000000000000000000000000000000000cc')).toBeUndefined();
  });
});
