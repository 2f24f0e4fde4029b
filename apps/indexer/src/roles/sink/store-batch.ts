import type { OlapStore, OltpStore, PoolRecord, TokenRecord } from '@tidemark/domain';
import type { CanonicalEvent, ReorgV1, TradeExecutedV1, TransferV1 } from '@tidemark/schema';

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
          createdBlockHash: e.blockHash,
          // The ingest role, which knows the configured factories, stores the verdict before it
          // publishes; an upsert never takes a verification back.
          verified: false,
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
      case 'ReorgV1':
        break; // storeBatch applies it between the events before and after it
      default: {
        const never: never = e;
        throw new Error(`unhandled event ${JSON.stringify(never)}`);
      }
    }
  }
  return out;
}

/** Stores events of one batch that no reorg separates. */
async function storeEvents(
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

/**
 * Removes what the orphaned blocks stored, by block hash: blocks published again from the
 * canonical chain have other hashes, so a redelivered ReorgV1 never removes canonical rows.
 */
async function retract(reorg: ReorgV1, olap: OlapStore, oltp: OltpStore): Promise<void> {
  const hashes = reorg.orphaned.map((b) => b.hash);
  await olap.retractBlocks(reorg.chainId, hashes);
  await oltp.retractBlocks(reorg.chainId, hashes, reorg.ancestor.number);
}

/**
 * Writes one bus batch to both stores, in order around each ReorgV1: the events before it, then
 * its retraction, then the events after it. Every write is idempotent on the natural key, so a
 * batch delivered again after a crash leaves the same rows. The indexed block moves last, once
 * the block's events are stored.
 */
export async function storeBatch(
  events: readonly CanonicalEvent[],
  olap: OlapStore,
  oltp: OltpStore,
): Promise<{ trades: number; transfers: number; reorgs: number }> {
  const totals = { trades: 0, transfers: 0, reorgs: 0 };
  let segment: CanonicalEvent[] = [];
  const flush = async () => {
    const stored = await storeEvents(segment, olap, oltp);
    totals.trades += stored.trades;
    totals.transfers += stored.transfers;
    segment = [];
  };
  for (const event of events) {
    if (event.type !== 'ReorgV1') {
      segment.push(event);
      continue;
    }
    await flush();
    await retract(event, olap, oltp);
    totals.reorgs += 1;
  }
  await flush();
  return totals;
}
