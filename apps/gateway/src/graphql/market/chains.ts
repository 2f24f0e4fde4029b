import type { ChainStatus, OltpReader } from '@tidemark/domain';

function toChainView(chain: ChainStatus) {
  const { headBlock, indexedBlock, finalizedBlock } = chain;
  // The head is sampled less often than the sink advances, so a brief negative gap reads as 0.
  const lag =
    headBlock !== null && indexedBlock !== null ? Math.max(0, headBlock - indexedBlock) : null;
  return {
    id: chain.chainId,
    name: chain.name,
    head: headBlock,
    indexedBlock,
    lag,
    finalizedBlock,
  };
}

/** `chains`: every indexed chain with its head, indexed and finalized blocks. */
export async function chains(oltp: OltpReader) {
  return (await oltp.listChains()).map(toChainView);
}
