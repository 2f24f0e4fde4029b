import { usdValue, type Fixed } from '../money/fixed';
import { normalizeConfig, type BookConfig } from './config';
import { depthReserves } from './pool-math';
import {
  checkChain,
  checkSamePool,
  isAfter,
  poolFromDefinition,
  stateFrom,
  type PoolDefinition,
  type StateEvent,
} from './pool-state';
import { resolvePrices } from './resolve-prices';
import { fromSnapshot, toSnapshot, type PoolSnapshot, type PriceBookSnapshot } from './snapshot';
import { priceTradeWith } from './trade-pricing';
import type { BookPool, GasInput, PriceBookConfig, TokenPrice, TradePricing } from './types';
import type { TradeExecutedV1 } from '@tidemark/schema';

/**
 * One chain's USD prices, fed its pool events in chain order. Deterministic: prices are a pure
 * function of the pools' latest state (recomputed on the first read after a change), so the same
 * events give the same prices however often they are read.
 */
export interface PriceBook {
  readonly chainId: number;
  /** The newest block whose pool state the book holds (0 before any). */
  readonly block: number;
  /** A pool became known. Announcing the same pool again is a no-op; false then. */
  applyPool(pool: PoolDefinition): boolean;
  /**
   * A V2 Sync or a V3 trade's after-swap state. False when ignored: unknown pool, no state in the
   * event (V2 trades), or not newer than the pool's last event (redelivery).
   */
  applyState(event: StateEvent): boolean;
  /** The trade in USD from the book as it is now; the book is not changed. */
  priceTrade(trade: TradeExecutedV1, gas?: GasInput): TradePricing;
  /**
   * priceTrade, then applyState: a trade is priced before its own pool update, so it never
   * values its gas at a native price it moved itself.
   */
  applyTrade(trade: TradeExecutedV1, gas?: GasInput): TradePricing;
  priceOf(token: string): TokenPrice | null;
  /** Every priced token, by address. */
  prices(): TokenPrice[];
  /** Both sides' USD value (V3: virtual reserves); twice one side's if only it is priced. */
  poolLiquidityUsd(pool: string): Fixed | null;
  snapshot(): PriceBookSnapshot;
  /** One pool as it appears in `snapshot()`, null when unknown: for storing changed pools only. */
  snapshotPool(pool: string): PoolSnapshot | null;
  /** Replaces everything the book knows with a snapshot of the same chain (reorg rollback). */
  restore(snapshot: PriceBookSnapshot): void;
}

function liquidityOf(
  config: BookConfig,
  pool: BookPool,
  priceOf: (token: string) => TokenPrice | null,
): Fixed | null {
  if (!pool.state) return null;
  const reserves = depthReserves(pool.state);
  const sides = [
    [pool.token0, reserves.reserve0],
    [pool.token1, reserves.reserve1],
  ] as const;
  const values = sides.flatMap(([token, raw]) => {
    const price = priceOf(token);
    const decimals = config.decimalsOf(token);
    return price && decimals !== null ? [usdValue(raw, decimals, price.priceUsd)] : [];
  });
  if (values.length === 0) return null;
  return values.length === 2 ? values[0]! + values[1]! : 2n * values[0]!;
}

class Book implements PriceBook {
  private pools = new Map<string, BookPool>();
  private stateBlock = 0;
  /** Prices of the current state; dropped on every change and recomputed on the next read. */
  private cache: Map<string, TokenPrice> | null = null;

  constructor(private readonly config: BookConfig) {}

  get chainId() {
    return this.config.chainId;
  }

  get block() {
    return this.stateBlock;
  }

  applyPool(definition: PoolDefinition): boolean {
    checkChain(this.chainId, definition, `pool ${definition.pool}`);
    const pool = poolFromDefinition(definition);
    const known = this.pools.get(pool.pool);
    if (!known) {
      this.pools.set(pool.pool, pool);
      return true;
    }
    // An unknown fee tier (a fee() that did not answer) is no contradiction: a pool known without
    // it learns it from its creation event; any other difference is one.
    const learnsFee = known.feePpm === null && pool.feePpm !== null;
    const merged = learnsFee ? { ...known, feePpm: pool.feePpm } : known;
    checkSamePool(merged, pool.feePpm === null ? { ...pool, feePpm: known.feePpm } : pool);
    if (!learnsFee) return false;
    this.pools.set(pool.pool, merged);
    this.cache = null;
    return true;
  }

  applyState(event: StateEvent): boolean {
    checkChain(this.chainId, event, `${event.type} ${event.txHash}:${event.logIndex}`);
    const pool = this.pools.get(event.pool.toLowerCase());
    const position = { blockNumber: event.blockNumber, logIndex: event.logIndex };
    if (!pool || !isAfter(position, pool.position)) return false;
    const state = stateFrom(pool, event);
    if (!state) return false;
    this.pools.set(pool.pool, { ...pool, state, position });
    this.stateBlock = Math.max(this.stateBlock, event.blockNumber);
    this.cache = null;
    return true;
  }

  priceTrade(trade: TradeExecutedV1, gas?: GasInput): TradePricing {
    checkChain(this.chainId, trade, `trade ${trade.txHash}:${trade.logIndex}`);
    const pool = this.pools.get(trade.pool.toLowerCase());
    return priceTradeWith(
      { config: this.config, pool, priceOf: (t) => this.priceOf(t) },
      trade,
      gas,
    );
  }

  applyTrade(trade: TradeExecutedV1, gas?: GasInput): TradePricing {
    const pricing = this.priceTrade(trade, gas);
    this.applyState(trade);
    return pricing;
  }

  priceOf(token: string): TokenPrice | null {
    return this.table().get(token.toLowerCase()) ?? null;
  }

  prices(): TokenPrice[] {
    return [...this.table().values()].sort((a, b) => (a.token < b.token ? -1 : 1));
  }

  poolLiquidityUsd(address: string): Fixed | null {
    const pool = this.pools.get(address.toLowerCase());
    return pool ? liquidityOf(this.config, pool, (t) => this.priceOf(t)) : null;
  }

  snapshot(): PriceBookSnapshot {
    return toSnapshot(this.chainId, this.stateBlock, this.pools.values());
  }

  snapshotPool(address: string): PoolSnapshot | null {
    const pool = this.pools.get(address.toLowerCase());
    return pool ? (toSnapshot(this.chainId, this.stateBlock, [pool]).pools[0] ?? null) : null;
  }

  restore(snapshot: PriceBookSnapshot): void {
    const { block, pools } = fromSnapshot(snapshot, this.chainId);
    this.pools = pools;
    this.stateBlock = block;
    this.cache = null;
  }

  private table(): Map<string, TokenPrice> {
    return (this.cache ??= resolvePrices(this.config, this.pools.values(), this.stateBlock));
  }
}

/** A price book for one chain; the configuration is checked here (PricingInputError). */
export function createPriceBook(config: PriceBookConfig): PriceBook {
  return new Book(normalizeConfig(config));
}
