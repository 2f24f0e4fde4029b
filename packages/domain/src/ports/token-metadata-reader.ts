import type { TokenRecord } from './oltp-records';

/**
 * Reads ERC-20 metadata (symbol, name, decimals) from a chain. A field the token does not answer,
 * or answers with junk, is null. Throws (with `retryable`) only when the chain itself fails.
 */
export interface TokenMetadataReader {
  readTokens(addresses: readonly string[]): Promise<TokenRecord[]>;
}
