import {
  LEDGER_KEY,
  analyzeTrade,
  ledgerToJSON,
  type AnalyzedTrade,
  type PoolRecord,
  type PriceBook,
  type StateChange,
  type TokenPriceRecord,
  type WalletLedger,
} from '@tidemark/domain';
import type { CanonicalEvent, ReorgV1 } from '@tidemark/schema';
import { tokenPriceRow } from './priced-rows';

type Hex = `0x${string}`;

/** Every event but a reorg: what is applied in order between two rollbacks. */
export type ChainEvent = Exclude<CanonicalEvent, ReorgV1>;

export const POOL_KEY = 'pool:';

interface BlockRef {
  blockHash: string;
  timestamp: number;
}

/**
 * Applies a run of a chain's events to the book and the ledgers, collecting what must be stored:
 * the state changes (every changed ledger and pool, per block, so a rollback is exact), the
 * analyzed trades and the token prices of the blocks whose pools changed.
 */
export class BatchEffects {
  readonly changes: StateChange[] = [];
  readonly trades: AnalyzedTrade[] = [];
  readonly wallets = new Set<string>();
  private readonly prices: TokenPriceRecord[] = [];
  /** The block being applied and the pools it changed, recorded when the next block starts. */
  private block: (BlockRef & { blockNumber: number }) | null = null;
  private readonly touched = new Set<string>();
  private readonly rows: Map<string, PoolRecord>;

  /**
   * `rows`: the stored pools (ingest keeps them) of pools the book does not know yet, such as
   * pools created before the chain's start block: learnt when they first act, so that they price.
   */
  constructor(
    private readonly chainId: number,
    private readonly book: PriceBook,
    private readonly ledgers: Map<string, WalletLedger>,
    private readonly decimals: (token: string) => number | null | undefined,
    rows: ReadonlyMap<string, PoolRecord> = new Map(),
  ) {
    this.rows = new Map(rows);
  }

  apply(event: ChainEvent): void {
    if (this.block?.blockNumber !== event.blockNumber) {
      this.closeBlock();
      this.block = event;
    }
    switch (event.type) {
      case 'PoolCreatedV1':
        if (this.book.applyPool(event)) this.touched.add(event.pool);
        return;
      case 'PoolSyncedV1':
        this.learnPool(event);
        if (this.book.applyState(event)) this.touched.add(event.pool);
        return;
      case 'TradeExecutedV1':
        this.learnPool(event);
        return this.trade(event);
      case 'BlockV1':
      case 'TransferV1':
        return;
      default: {
        const never: never = event;
        throw new Error(`unexpected event ${JSON.stringify(never)}`);
      }
    }
  }

  /** Closes the run: returns the token prices of every block whose pools changed. */
  finish(): TokenPriceRecord[] {
    this.closeBlock();
    return this.prices;
  }

  /**
   * Records the changed pools' states and their tokens' prices as they stand at the end of the
   * block: a rollback to this block restores exactly them, and a price row is its block's price,
   * however many blocks the run holds.
   */
  private closeBlock(): void {
    const block = this.block;
    if (!block || this.touched.size === 0) return;
    const tokens = new Set<string>();
    for (const pool of this.touched) {
      const snapshot = this.book.snapshotPool(pool);
      if (!snapshot) continue;
      this.changes.push({ key: POOL_KEY + pool, value: snapshot, blockNumber: block.blockNumber });
      tokens.add(snapshot.token0).add(snapshot.token1);
    }
    this.touched.clear();
    const ref = {
      chainId: this.chainId,
      blockNumber: block.blockNumber,
      blockHash: block.blockHash,
      timestamp: block.timestamp,
    };
    for (const token of tokens) {
      const price = this.book.priceOf(token);
      if (price) this.prices.push(tokenPriceRow(price, ref));
    }
  }

  private trade(event: Extract<ChainEvent, { type: 'TradeExecutedV1' }>): void {
    const ledger = this.ledgers.get(event.trader);
    if (!ledger) throw new Error(`ledger of ${event.trader} not loaded`);
    const result = analyzeTrade(this.book, ledger, event, this.decimals);
    this.trades.push(result.analyzed);
    this.touched.add(event.pool);
    if (result.ledger === ledger) return;
    this.ledgers.set(event.trader, result.ledger);
    this.wallets.add(event.trader);
    this.changes.push({
      key: LEDGER_KEY + event.trader,
      value: ledgerToJSON(result.ledger),
      blockNumber: event.blockNumber,
    });
  }

  /** Defines a pool from its stored row just before its first event in the run. */
  private learnPool(event: { pool: string; blockNumber: number }): void {
    const row = this.rows.get(event.pool);
    if (!row) return;
    this.rows.delete(event.pool);
    const definition = {
      chainId: this.chainId,
      blockNumber: event.blockNumber,
      logIndex: -1, // before every event of the block
      pool: row.address as Hex,
      protocol: row.protocol,
      token0: row.token0 as Hex,
      token1: row.token1 as Hex,
      ...(row.fee != null && { fee: row.fee }),
    };
    if (this.book.applyPool(definition)) this.touched.add(event.pool);
  }
}
