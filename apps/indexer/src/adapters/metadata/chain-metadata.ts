import type { OltpStore } from '@tidemark/domain';
import type { ChainConfig } from '../../config/chains';
import { createBatchReads, type BatchReads } from './batch-reads';
import type { EthCaller } from './eth-caller';
import { TokenCatalog } from './token-catalog';
import { createTokenMetadataReader } from './token-metadata-reader';

export interface ChainMetadata {
  /** Batched contract reads (Multicall3 where the chain has it). */
  reads: BatchReads;
  tokens: TokenCatalog;
}

/**
 * The contract reads and the token catalog of a chain, over its contract calls. One per ingest
 * run of the chain: pool registries are rebuilt (after a reorg), the token cache and the
 * Multicall3 probe need not be.
 */
export function chainMetadata(
  config: ChainConfig,
  oltp: OltpStore,
  contracts: EthCaller,
): ChainMetadata {
  const reads = createBatchReads(contracts, config.multicall3);
  const reader = createTokenMetadataReader(config.id, reads);
  return { reads, tokens: new TokenCatalog(config.id, reader, oltp) };
}
