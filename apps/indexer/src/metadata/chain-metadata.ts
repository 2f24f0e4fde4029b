import type { OltpStore } from '@tidemark/domain';
import type { ChainConfig } from '../config/chains';
import { createBatchReads, type BatchReads } from './batch-reads';
import { createEthCaller } from './eth-caller';
import { TokenCatalog } from './token-catalog';
import { createTokenMetadataReader } from './token-metadata-reader';

export interface ChainMetadata {
  /** Batched contract reads (Multicall3 where the chain has it). */
  reads: BatchReads;
  tokens: TokenCatalog;
}

// One set per chain and store for the process: registries are rebuilt (after a reorg), the
// token cache and the multicall probe need not be.
const byConfig = new WeakMap<ChainConfig, WeakMap<OltpStore, ChainMetadata>>();

/** The contract reads and the token catalog of a chain. */
export function chainMetadata(config: ChainConfig, oltp: OltpStore): ChainMetadata {
  const perStore = byConfig.get(config) ?? new WeakMap<OltpStore, ChainMetadata>();
  byConfig.set(config, perStore);
  let found = perStore.get(oltp);
  if (!found) {
    const caller = createEthCaller({
      chainId: config.id,
      rpcUrls: config.rpcUrls,
      timeoutMs: config.requestTimeoutMs,
    });
    const reads = createBatchReads(caller, config.multicall3);
    const reader = createTokenMetadataReader(config.id, reads);
    found = { reads, tokens: new TokenCatalog(config.id, reader, oltp) };
    perStore.set(oltp, found);
  }
  return found;
}
