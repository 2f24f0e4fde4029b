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
  private readonly touched = new Map<number, Set<string>>();
  private readonly blocks = new Map<number, BlockRef>();
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
    this.blocks.set(event.blockNumber, event);
    switch (event.type) {
      case 'PoolCreatedV1':
        if (this.book.applyPool(event)) this.touch(event.blockNumber, event.pool);
        return;
      case 'PoolSyncedV1':
        this.learnPool(event);
        if (this.book.applyState(event)) this.touch(event.blockNumber, event.pool);
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

  /** Closes the run: the changed pools' states and their tokens' prices, per block. */
  finish(): TokenPriceRecord[] {
    const prices: TokenPriceRecord[] = [];
    for (const [blockNumber, pools] of this.touched) {
      const ref = this.blocks.get(blockNumber) as BlockRef;
      const tokens = new Set<string>();
      for (const pool of pools) {
        const snapshot = this.book.snapshotPool(pool);
        if (!snapshot) continue;
        this.changes.push({ key: POOL_KEY + pool, value: snapshot, blockNumber });
        tokens.add(snapshot.token0).add(snapshot.token1);
      }
      for (const token of tokens) {
        const price = this.book.priceOf(token);
        if (price)
          prices.push(tokenPriceRow(price, { chainId: this.chainId, blockNumber, ...ref }));
      }
    }
    return prices;
  }

  private trade(event: Extract<ChainEvent, { type: 'TradeExecutedV1' }>): void {
    const ledger = this.ledgers.get(event.trader);
    if (!ledger) throw new Error(`ledger of ${event.trader} not loaded`);
    const result = analyzeTrade(this.book, ledger, event, this.decimals);
    this.trades.push(result.analyzed);
    this.touch(event.blockNumber, event.pool);
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
    if (this.book.applyPool(definition)) this.touch(event.blockNumber, event.pool);
  }

  private touch(blockNumber: number, pool: string): void {
    const set = this.touched.get(blockNumber) ?? new Set<string>();
    this.touched.set(blockNumber, set.add(pool));
  }
}
