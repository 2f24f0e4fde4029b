import type { BlockHeader, TransactionReceipt } from '@tidemark/domain';
import type { EndpointPool } from './endpoints/endpoint-pool';
import { redactUrl, type RpcEndpoint } from './endpoints/rpc-endpoint';
import { RpcFailure } from './endpoints/rpc-errors';
import { RpcBlockHeader, RpcReceipt } from './endpoints/rpc-shapes';
import { toHexQuantity } from './block-logs';

const TOKEN0_SELECTOR = '0x0dfe1681';
const TOKEN1_SELECTOR = '0xd21220a7';

function notFound(endpoint: RpcEndpoint, what: string): RpcFailure {
  return new RpcFailure(`${redactUrl(endpoint.url)}: ${what} not found`, 'missing');
}

function parsed<T>(endpoint: RpcEndpoint, what: string, result: { success: boolean; data?: T }): T {
  if (!result.success || result.data === undefined)
    throw new RpcFailure(`${redactUrl(endpoint.url)}: malformed ${what}`, 'malformed');
  return result.data;
}

function decodeAddressWord(result: unknown): string | null {
  if (typeof result !== 'string' || result.length !== 66) return null;
  return `0x${result.slice(26).toLowerCase()}`;
}

/** A header from an endpoint that has reached the block; a missing block is that endpoint's fault. */
export function readHeader(pool: EndpointPool, blockNumber: number): Promise<BlockHeader> {
  return pool.call(
    `block ${blockNumber}`,
    async (endpoint) => {
      const raw = await endpoint.request('eth_getBlockByNumber', [
        toHexQuantity(blockNumber),
        false,
      ]);
      if (raw === null) throw notFound(endpoint, `block ${blockNumber}`);
      const header = parsed(endpoint, 'block', RpcBlockHeader.safeParse(raw));
      const { number, hash, parentHash, timestamp } = header;
      return { number, hash, parentHash, timestamp };
    },
    { atLeastBlock: blockNumber },
  );
}

/** One receipt, checked to be the one asked for. */
function toReceipt(endpoint: RpcEndpoint, txHash: string, raw: unknown): TransactionReceipt {
  if (raw === null) throw notFound(endpoint, `receipt of transaction ${txHash}`);
  const receipt = parsed(endpoint, 'receipt', RpcReceipt.safeParse(raw));
  if (receipt.transactionHash.toLowerCase() !== txHash)
    throw new RpcFailure(
      `${redactUrl(endpoint.url)}: asked for the receipt of ${txHash}, got ${receipt.transactionHash}`,
      'inconsistent',
    );
  return {
    from: receipt.from.toLowerCase(),
    blockHash: receipt.blockHash.toLowerCase(),
    gasUsed: receipt.gasUsed,
    effectiveGasPrice: receipt.effectiveGasPrice ?? null,
  };
}

/**
 * The receipts of transactions by lower-case hash, all from one endpoint that has reached
 * `atLeastBlock` (asked together, they travel as JSON-RPC batches). A receipt that endpoint lacks
 * is its fault: another may have it.
 */
export async function readReceipts(
  pool: EndpointPool,
  txHashes: readonly string[],
  atLeastBlock?: number,
): Promise<Map<string, TransactionReceipt>> {
  const hashes = [...new Set(txHashes.map((h) => h.toLowerCase()))];
  if (hashes.length === 0) return new Map();
  return pool.call(
    `receipts of ${hashes.length} transactions`,
    async (endpoint) => {
      const raws = await Promise.all(
        hashes.map((h) => endpoint.request('eth_getTransactionReceipt', [h])),
      );
      return new Map(hashes.map((h, i) => [h, toReceipt(endpoint, h, raws[i])]));
    },
    { atLeastBlock },
  );
}

export function readPairTokens(
  pool: EndpointPool,
  pair: string,
): Promise<{ token0: string; token1: string } | null> {
  return pool.call(`token0/token1 of ${pair}`, async (endpoint) => {
    // A revert means "not a pair"; a network failure must not be mistaken for that.
    const read = (data: string) =>
      endpoint.request('eth_call', [{ to: pair, data }, 'latest']).catch((error: unknown) => {
        if (error instanceof RpcFailure && error.kind === 'rejected') return null;
        throw error;
      });
    const [t0, t1] = await Promise.all([read(TOKEN0_SELECTOR), read(TOKEN1_SELECTOR)]);
    const token0 = decodeAddressWord(t0);
    const token1 = decodeAddressWord(t1);
    return token0 && token1 ? { token0, token1 } : null;
  });
}
