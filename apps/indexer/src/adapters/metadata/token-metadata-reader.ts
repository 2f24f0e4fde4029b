import { toTokenRecord, type TokenMetadataReader } from '@tidemark/domain';
import { encodeFunctionData, parseAbi, type Hex } from 'viem';
import type { BatchReads, Read } from './batch-reads';

const erc20 = parseAbi([
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  'function decimals() view returns (uint8)',
]);
const selector = (functionName: 'symbol' | 'name' | 'decimals'): Hex =>
  encodeFunctionData({ abi: erc20, functionName });
const SYMBOL = selector('symbol');
const NAME = selector('name');
const DECIMALS = selector('decimals');

/**
 * The token metadata port over batched reads. The raw return data is decoded by the domain,
 * which accepts `string` and `bytes32` answers and turns anything else into null.
 */
export function createTokenMetadataReader(chainId: number, reads: BatchReads): TokenMetadataReader {
  return {
    async readTokens(addresses) {
      const calls: Read[] = addresses.flatMap((to) => [
        { to, data: SYMBOL },
        { to, data: NAME },
        { to, data: DECIMALS },
      ]);
      const answers = await reads(calls);
      return addresses.map((address, i) =>
        toTokenRecord(chainId, address, {
          symbol: answers[i * 3] ?? null,
          name: answers[i * 3 + 1] ?? null,
          decimals: answers[i * 3 + 2] ?? null,
        }),
      );
    },
  };
}
