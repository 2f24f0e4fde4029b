import {
  firstLegsOfNewPairs,
  legPair,
  seedLeg,
  transferLegs,
  type ConsumerStateStore,
  type BalanceDeltaRecord,
  type BalanceLeg,
  type PortfolioOlapStore,
  type StateChange,
  type StatePosition,
} from '@tidemark/domain';
import type { CanonicalEvent, ReorgV1, TransferV1 } from '@tidemark/schema';
import type { Logger } from 'pino';
import type { BalanceReader } from './balance-reader';

/** The portfolio's own consumer in the state store: its own position and undo log. */
export const PORTFOLIO_CONSUMER = 'portfolio';
/** `pair:<wallet>:<token>` = the block where the pair was first seen (and seeded). */
export const PAIR_KEY = 'pair:';
/** Seen pairs kept in memory between batches; more are looked up in the state store. */
const MAX_CACHED_PAIRS = 200_000;

export interface ChainPortfolioDeps {
  state: ConsumerStateStore;
  store: PortfolioOlapStore;
  readBalances: BalanceReader;
  logger: Logger;
}

type ChainEvent = Exclude<CanonicalEvent, ReorgV1>;

const logIndexOf = (e: ChainEvent) => ('logIndex' in e ? e.logIndex : -1);

const isAfter = (e: ChainEvent, p: StatePosition | null) =>
  p === null ||
  e.blockNumber > p.blockNumber ||
  (e.blockNumber === p.blockNumber && logIndexOf(e) > p.logIndex);

const isTransfer = (e: ChainEvent): e is TransferV1 => e.type === 'TransferV1';

/**
 * Wallet balances of one chain from its transfers. Each transfer side is a delta in the OLAP
 * store; a (wallet, token) pair seen for the first time also gets its starting balance, read with
 * `balanceOf` at the block before (a `seed` delta at the same place, so it dies with that block).
 * Seen pairs live in the state store with undo per block, so a rollback un-sees exactly the pairs
 * the orphaned blocks introduced. Deltas are written first (idempotent on their natural key), then
 * the pairs and the position are committed: a redelivered run finds itself applied.
 */
export class ChainPortfolio {
  private position: StatePosition | null = null;
  private loaded = false;
  private readonly seen = new Set<string>();

  constructor(
    readonly chainId: number,
    private readonly deps: ChainPortfolioDeps,
  ) {}

  async handle(events: readonly CanonicalEvent[]): Promise<void> {
    let run: ChainEvent[] = [];
    for (const event of events) {
      if (event.type !== 'ReorgV1') {
        run.push(event);
        continue;
      }
      await this.apply(run);
      run = [];
      await this.rollback(event);
    }
    await this.apply(run);
  }

  private async apply(events: readonly ChainEvent[]): Promise<void> {
    if (!this.loaded) {
      this.position = await this.deps.state.position(PORTFOLIO_CONSUMER, this.chainId);
      this.loaded = true;
    }
    const fresh = events.filter((e) => isAfter(e, this.position));
    const last = fresh.at(-1);
    if (!last) return;
    const legs = transferLegs(fresh.filter(isTransfer));
    await this.loadSeen(legs);
    const firsts = firstLegsOfNewPairs(legs, (pair) => this.seen.has(pair));
    const seeds = await this.seeds(firsts);
    await this.deps.store.insertBalanceDeltas([...seeds, ...legs].map((l) => this.record(l)));
    const changes: StateChange[] = firsts.map((f) => ({
      key: PAIR_KEY + legPair(f),
      value: f.blockNumber,
      blockNumber: f.blockNumber,
    }));
    const position = {
      blockNumber: last.blockNumber,
      blockHash: last.blockHash,
      logIndex: logIndexOf(last),
    };
    await this.deps.state.commit(PORTFOLIO_CONSUMER, this.chainId, changes, position);
    this.position = position;
    if (this.seen.size + firsts.length > MAX_CACHED_PAIRS) this.seen.clear();
    for (const first of firsts) this.seen.add(legPair(first));
  }

  /** Puts the committed pairs among `legs` that memory does not hold into the cache. */
  private async loadSeen(legs: readonly BalanceLeg[]): Promise<void> {
    const unknown = [...new Set(legs.map(legPair))].filter((pair) => !this.seen.has(pair));
    if (unknown.length === 0) return;
    const keys = unknown.map((pair) => PAIR_KEY + pair);
    const stored = await this.deps.state.load(PORTFOLIO_CONSUMER, this.chainId, keys);
    for (const pair of unknown) if (stored.has(PAIR_KEY + pair)) this.seen.add(pair);
  }

  /** The starting balance of each new pair: balanceOf at the end of the block before its first. */
  private async seeds(firsts: readonly BalanceLeg[]): Promise<BalanceLeg[]> {
    const byBlock = new Map<number, BalanceLeg[]>();
    for (const first of firsts) {
      const list = byBlock.get(first.blockNumber) ?? [];
      byBlock.set(first.blockNumber, [...list, first]);
    }
    const seeds: BalanceLeg[] = [];
    for (const [block, list] of byBlock) {
      // Before block 0 nobody held anything.
      const balances =
        block === 0 ? list.map(() => 0n) : await this.deps.readBalances(block - 1, list);
      list.forEach((first, i) => {
        const balance = balances[i] ?? 0n;
        // A zero start changes nothing: only the pair's state entry records that it was seen.
        if (balance !== 0n) seeds.push(seedLeg(first, balance));
      });
    }
    return seeds;
  }

  private record(leg: BalanceLeg): BalanceDeltaRecord {
    return { ...leg, chainId: this.chainId, delta: leg.delta.toString() };
  }

  /** Removes the orphaned blocks' deltas and seeds, then rolls the seen pairs back. */
  private async rollback(reorg: ReorgV1): Promise<void> {
    const { store, state, logger } = this.deps;
    await store.retractBalanceBlocks(
      this.chainId,
      reorg.orphaned.map((b) => b.hash),
    );
    const restored = await state.rollback(PORTFOLIO_CONSUMER, this.chainId, reorg.ancestor);
    logger.info(
      {
        event: 'portfolio.rolled_back',
        chainId: this.chainId,
        ancestor: reorg.ancestor.number,
        pairs: restored.length,
      },
      'portfolio rolled back to the common ancestor',
    );
    this.seen.clear();
    this.loaded = false;
  }
}
