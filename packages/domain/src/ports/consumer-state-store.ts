import type { BlockId } from '@tidemark/schema';

/** The analytics role's consumer name, and the key prefix of its wallet ledgers (gateway reads them). */
export const ANALYTICS_CONSUMER = 'analytics';
export const LEDGER_KEY = 'ledger:';

/** Where a consumer of the chain events stands on one chain: the last event it has applied. */
export interface StatePosition {
  blockNumber: number;
  blockHash: string;
  /** -1 when the position is a whole block (e.g. after a rollback to an ancestor). */
  logIndex: number;
}

/** A new value for a key, set by the events of one block; `null` deletes the key. */
export interface StateChange {
  key: string;
  value: unknown;
  blockNumber: number;
}

/**
 * The read side of a consumer's state: what a reader of the derived state (e.g. the API reading
 * the analytics role's wallet ledgers) may do. It cannot move a consumer's position.
 */
export interface ConsumerStateReader {
  position(consumer: string, chainId: number): Promise<StatePosition | null>;
  /** The current values of `keys` (keys never set, or deleted, are absent). */
  load(consumer: string, chainId: number, keys: readonly string[]): Promise<Map<string, unknown>>;
  /** Current values of the keys starting with `prefix`, in key order, at most `limit`. */
  loadPrefix(
    consumer: string,
    chainId: number,
    prefix: string,
    limit: number,
  ): Promise<Map<string, unknown>>;
}

/**
 * Keyed JSON state of a stateful consumer (analytics, portfolio, alerts), per consumer and chain,
 * with an undo log per block so that a reorg can put every key back as it was at the common
 * ancestor. `commit` stores the changes and the consumer's position in one transaction: a
 * redelivered batch finds the position past it and changes nothing.
 */
export interface ConsumerStateStore extends ConsumerStateReader {
  /**
   * In one transaction: applies `changes` in order, records for each key the value it had before
   * the first change of each block, and moves the position to `position`.
   */
  commit(
    consumer: string,
    chainId: number,
    changes: readonly StateChange[],
    position: StatePosition,
  ): Promise<void>;
  /**
   * In one transaction: puts every key changed above `ancestor` back to its value at the ancestor,
   * forgets those undo records and moves the position to the ancestor. Returns the restored keys.
   */
  rollback(consumer: string, chainId: number, ancestor: BlockId): Promise<string[]>;
  /** Forgets undo records at or below `blockNumber` (blocks no reorg can replace any more). */
  prune(consumer: string, chainId: number, blockNumber: number): Promise<void>;
}
