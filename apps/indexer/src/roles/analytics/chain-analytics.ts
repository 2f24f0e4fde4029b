import {
  ANALYTICS_CONSUMER,
  LEDGER_KEY,
  createLedger,
  createPriceBook,
  ledgerFromJSON,
  type AnalyticsKeys,
  type AnalyticsOlapStore,
  type ConsumerStateStore,
  type AnalyzedTrade,
  type CostMethod,
  type PoolRecord,
  type PoolSnapshot,
  type PriceBook,
  type PriceBookConfig,
  type StatePosition,
  type TokenPriceRecord,
  type WalletLedger,
} from '@tidemark/domain';
import type { CanonicalEvent, ReorgV1 } from '@tidemark/schema';
import type { Logger } from 'pino';
import { BatchEffects, POOL_KEY, type ChainEvent } from './batch-effects';
import { pricedTradeRow } from './priced-rows';
import type { TokenDecimals } from './token-decimals';

// Pools of one chain held in the state store; far above any real pool count per chain.
const MAX_POOLS = 10_000_000;
/** Ledgers kept in memory between batches (a ledger is a few KiB); more are reloaded on demand. */
const MAX_CACHED_LEDGERS = 20_000;

export interface ChainAnalyticsDeps {
  pricing: Omit<PriceBookConfig, 'decimals'>;
  costMethod: CostMethod;
  state: ConsumerStateStore;
  olap: AnalyticsOlapStore;
  /** The stored pools among these addresses (the ingest role stores every pool it indexes). */
  pools: (addresses: readonly string[]) => Promise<readonly PoolRecord[]>;
  /** Token decimals, null when unknown (such tokens are never priced). */
  decimals: TokenDecimals;
  logger: Logger;
}

/** What one batch of a chain produced, for announcing. */
export interface BatchOutcome {
  trades: AnalyzedTrade[];
  wallets: Set<string>;
  /** What the batch's rollbacks rebuilt (candles and wallets a reorg changed). */
  retracted: AnalyticsKeys;
}

const logIndexOf = (e: ChainEvent) => ('logIndex' in e ? e.logIndex : -1);

const tokensOf = (e: ChainEvent): string[] => {
  if (e.type === 'TradeExecutedV1') return [e.tokenIn, e.tokenOut];
  return e.type === 'PoolCreatedV1' ? [e.token0, e.token1] : [];
};

const isAfter = (e: ChainEvent, p: StatePosition | null) =>
  p === null ||
  e.blockNumber > p.blockNumber ||
  (e.blockNumber === p.blockNumber && logIndexOf(e) > p.logIndex);

/**
 * The analytics of one chain: a price book and the traders' ledgers, kept in the state store
 * (pools and ledgers as keys, with undo per block) and in the OLAP store (priced trades, token
 * prices, candles, wallet activity). A run of events is applied, written to the OLAP store
 * (idempotent), then committed with its position, so a redelivered batch finds itself applied.
 */
export class ChainAnalytics {
  private book: PriceBook | undefined;
  private position: StatePosition | null = null;
  private readonly ledgers = new Map<string, WalletLedger>();

  constructor(
    readonly chainId: number,
    private readonly deps: ChainAnalyticsDeps,
  ) {}

  async handle(events: readonly CanonicalEvent[]): Promise<BatchOutcome> {
    const retracted: AnalyticsKeys = { candles: [], wallets: [] };
    const outcome: BatchOutcome = { trades: [], wallets: new Set(), retracted };
    let run: ChainEvent[] = [];
    for (const event of events) {
      if (event.type !== 'ReorgV1') {
        run.push(event);
        continue;
      }
      await this.apply(run, outcome);
      run = [];
      const keys = await this.rollback(event);
      retracted.candles.push(...keys.candles);
      retracted.wallets.push(...keys.wallets);
    }
    await this.apply(run, outcome);
    return outcome;
  }

  private async apply(events: readonly ChainEvent[], outcome: BatchOutcome): Promise<void> {
    try {
      await this.applyFresh(events, outcome);
    } catch (error) {
      // The book and ledgers in memory may hold half a run that was never committed: drop them,
      // so the redelivered run is applied to the committed state, not on top of itself.
      this.forget();
      throw error;
    }
    this.evictLedgers();
  }

  private forget(): void {
    this.book = undefined;
    this.ledgers.clear();
  }

  /** Keeps the most recently used ledgers only; the others are committed and reload on demand. */
  private evictLedgers(): void {
    const excess = this.ledgers.size - MAX_CACHED_LEDGERS;
    if (excess <= 0) return;
    const oldest = [...this.ledgers.keys()].slice(0, excess);
    for (const wallet of oldest) this.ledgers.delete(wallet);
  }

  private async applyFresh(events: readonly ChainEvent[], outcome: BatchOutcome): Promise<void> {
    const book = await this.load();
    const fresh = events.filter((e) => isAfter(e, this.position));
    const last = fresh.at(-1);
    if (!last) return;
    const traders = fresh.flatMap((e) => (e.type === 'TradeExecutedV1' ? [e.trader] : []));
    await this.loadLedgers(traders);
    // Most recently used last: a wallet that trades again moves to the end of the eviction order.
    for (const wallet of new Set(traders)) {
      const ledger = this.ledgers.get(wallet) as WalletLedger;
      this.ledgers.delete(wallet);
      this.ledgers.set(wallet, ledger);
    }
    await this.deps.decimals.ensure(fresh.flatMap(tokensOf));
    const rows = await this.unknownPools(book, fresh);
    const effects = new BatchEffects(
      this.chainId,
      book,
      this.ledgers,
      this.deps.decimals.get,
      rows,
    );
    for (const event of fresh) effects.apply(event);
    await this.write(effects.trades, effects.finish());
    const position = {
      blockNumber: last.blockNumber,
      blockHash: last.blockHash,
      logIndex: logIndexOf(last),
    };
    await this.deps.state.commit(ANALYTICS_CONSUMER, this.chainId, effects.changes, position);
    this.position = position;
    outcome.trades.push(...effects.trades);
    for (const wallet of effects.wallets) outcome.wallets.add(wallet);
  }

  private async write(trades: readonly AnalyzedTrade[], prices: readonly TokenPriceRecord[]) {
    const { olap } = this.deps;
    if (prices.length > 0) await olap.insertTokenPrices(prices);
    if (trades.length === 0) return;
    const keys = await olap.insertPricedTrades(trades.map(pricedTradeRow));
    await olap.recomputeCandles(keys.candles);
    await olap.recomputeWalletActivity(keys.wallets);
  }

  private async load(): Promise<PriceBook> {
    if (this.book) return this.book;
    const { state } = this.deps;
    this.position = await state.position(ANALYTICS_CONSUMER, this.chainId);
    const book = createPriceBook({ ...this.deps.pricing, decimals: this.deps.decimals.get });
    const stored = await state.loadPrefix(ANALYTICS_CONSUMER, this.chainId, POOL_KEY, MAX_POOLS);
    const pools = [...stored.values()] as PoolSnapshot[];
    const block = Math.max(0, ...pools.map((p) => p.position.blockNumber));
    book.restore({ version: 1, chainId: this.chainId, block, pools });
    this.book = book;
    return book;
  }

  /** Rows of the pools the run's events touch that the book has never been told about. */
  private async unknownPools(
    book: PriceBook,
    events: readonly ChainEvent[],
  ): Promise<Map<string, PoolRecord>> {
    // Each pool asked of the book once per run (a snapshot is built per question).
    const asked = new Set<string>();
    const unknown: string[] = [];
    for (const e of events) {
      if ((e.type !== 'PoolSyncedV1' && e.type !== 'TradeExecutedV1') || asked.has(e.pool))
        continue;
      asked.add(e.pool);
      if (book.snapshotPool(e.pool) === null) unknown.push(e.pool);
    }
    if (unknown.length === 0) return new Map();
    const rows = await this.deps.pools(unknown);
    return new Map(rows.map((row) => [row.address, row]));
  }

  private async loadLedgers(wallets: readonly string[]): Promise<void> {
    const missing = [...new Set(wallets)].filter((w) => !this.ledgers.has(w));
    if (missing.length === 0) return;
    const keys = missing.map((w) => LEDGER_KEY + w);
    const stored = await this.deps.state.load(ANALYTICS_CONSUMER, this.chainId, keys);
    const cashTokens = this.deps.pricing.stablecoins.map((token) => ({
      chainId: this.chainId,
      token,
    }));
    for (const wallet of missing) {
      const json = stored.get(LEDGER_KEY + wallet);
      this.ledgers.set(
        wallet,
        json === undefined
          ? createLedger({ wallet, method: this.deps.costMethod, cashTokens })
          : ledgerFromJSON(json),
      );
    }
  }

  /** Undoes what the orphaned blocks did, in the OLAP store and in the state, then reloads. */
  private async rollback(reorg: ReorgV1): Promise<AnalyticsKeys> {
    const { olap, state, logger } = this.deps;
    const keys = await olap.retractBlocks(
      this.chainId,
      reorg.orphaned.map((b) => b.hash),
    );
    const restored = await state.rollback(ANALYTICS_CONSUMER, this.chainId, reorg.ancestor);
    logger.info(
      {
        event: 'analytics.rolled_back',
        chainId: this.chainId,
        ancestor: reorg.ancestor.number,
        keys: restored.length,
      },
      'analytics rolled back to the common ancestor',
    );
    this.forget();
    return keys;
  }
}
