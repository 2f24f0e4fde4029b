import type { CanonicalEvent } from '@tidemark/schema';

/** Topic names. Events of one chain go to one partition key, so per-chain order is kept. */
export const Topics = {
  /** Every canonical event the ingest role produces. */
  chainEvents: 'tidemark.chain-events.v1',
} as const;
export type Topic = (typeof Topics)[keyof typeof Topics];

export type BatchHandler = (events: readonly CanonicalEvent[]) => Promise<void>;

export interface SubscribeOptions {
  topic: Topic;
  /**
   * Consumers sharing a group split the work and resume from the group's committed position
   * (the sink). A consumer with `group: undefined` is a live listener: it sees only events
   * published after it subscribed and keeps no position (a gateway replica).
   */
  group?: string;
  handler: BatchHandler;
}

export interface Subscription {
  /** Stops delivery; resolves when no handler call is running any more. */
  unsubscribe(): Promise<void>;
}

/**
 * The event bus port. Delivery is at least once: a handler may see an event again after a crash,
 * so handlers must be idempotent. A grouped subscriber's position advances only after its handler
 * resolved. `publish` resolves once the events are durable on the bus (for the in-process adapter:
 * once every subscriber handled them), so the publisher may then advance its own cursor.
 */
export interface EventBus {
  publish(topic: Topic, events: readonly CanonicalEvent[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}
