import type { OlapStore, OltpStore, PoolRecord, TokenRecord } from '@tidemark/domain';
import type { CanonicalEvent, TradeExecutedV1, TransferV1 } from '@tidemark/schema';

interface Partitioned {
  trades: TradeExecutedV1[];
  transfers: TransferV1[];
  pools: PoolRecord[];
  tokens: TokenRecord[];
  lastBlock: Map<number, number>;
}

function partition(events: readonly CanonicalEvent[]): Partitioned {
  const out: Partitioned = {
    trades: [],
    transfers: [],
    pools: [],
    tokens: [],
    lastBlock: new Map(),
  };
  for (const e of events) {
    switch (e.type) {
      case 'TradeExecutedV1':
        out.trades.push(e);
        break;
      case 'TransferV1':
        out.transfers.push(e);
        break;
      case 'PoolCreatedV1':
        out.pools.push({
          chainId: e.chainId,
          address: e.pool,
          protocol: e.protocol,
          factory: e.factory,
          token0: e.token0,
          token1: e.token1,
          createdBlock: e.blockNumber,
        });
        for (const token of [e.token0, e.token1])
          out.tokens.push({
            chainId: e.chainId,
            address: token,
            symbol: null,
            name: null,
            decimals: null,
          });
        break;
      case 'BlockV1':
        out.lastBlock.set(e.chainId, Math.max(out.lastBlock.get(e.chainId) ?? 0, e.blockNumber));
        break;
      case 'PoolSyncedV1':
        break; // reserves feed liquidity and pricing, which come with analytics
      default: {
        const never: never = e;
        throw new Error(`unhandled event ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}

/**
 * Writes one bus batch to both stores. Every write is idempotent on the natural key, so a batch
 * delivered again after a crash leaves the same rows. The indexed block moves last, once the
 * block's events are stored.
 */
export async function storeBatch(
  events: readonly CanonicalEvent[],
  olap: OlapStore,
  oltp: OltpStore,
): Promise<{ trades: number; transfers: number }> {
  const p = partition(events);
  await Promise.all([
    p.trades.length > 0 ? olap.insertTrades(p.trades) : undefined,
    p.transfers.length > 0 ? olap.insertTransfers(p.transfers) : undefined,
    p.tokens.length > 0 ? oltp.upsertTokens(p.tokens) : undefined,
  ]);
  if (p.pools.length > 0) await oltp.upsertPools(p.pools);
  for (const [chainId, block] of p.lastBlock) await oltp.setIndexedBlock(chainId, block);
  return { trades: p.trades.length, transfers: p.transfers.length };
}
