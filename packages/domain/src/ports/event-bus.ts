import type { AnalyticsUpdate, CanonicalEvent } from '@tidemark/schema';

/** Topic names. Events of one chain go to one partition key, so per-chain order is kept. */
export const Topics = {
  /** Every canonical event the ingest role produces. */
  chainEvents: 'tidemark.chain-events.v1',
  /** Candle and wallet snapshots the analytics role publishes after each committed batch. */
  analyticsUpdates: 'tidemark.analytics-updates.v1',
} as const;
export type Topic = (typeof Topics)[keyof typeof Topics];

/** What each topic carries: publish and subscribe of topic T handle `TopicEvent<T>`. */
export interface TopicEvents {
  'tidemark.chain-events.v1': CanonicalEvent;
  'tidemark.analytics-updates.v1': AnalyticsUpdate;
}
export type TopicEvent<T extends Topic> = TopicEvents[T];
/** Any event of any topic: every one names its chain (the partition key). */
export type BusEvent = TopicEvents[Topic];

export type BatchHandler<E extends BusEvent = CanonicalEvent> = (
  events: readonly E[],
) => Promise<void>;

export interface SubscribeOptions<T extends Topic = Topic> {
  topic: T;
  /**
   * Consumers sharing a group split the work and resume from the group's committed position
   * (the sink). A consumer with `group: undefined` is a live listener: it sees only events
   * published after it subscribed and keeps no position (a gateway replica).
   */
  group?: string;
  handler: BatchHandler<TopicEvent<T>>;
}

export interface Subscription {
  /** Stops delivery; resolves when no handler call is running any more. */
  unsubscribe(): Promise<void>;
}

/**
 * The event bus port. Delivery is at least once: a handler may see an event again after a crash,
 * so handlers must be idempotent. A grouped subscriber's position advances only after its handler
 * resolved. `publish` resolves once the events are durable on the bus (for the in-process adapter:
 * once every subscriber handled them), so the publisher may then advance its own cursor. Each
 * topic's events are validated with that topic's schema; an invalid one fails the publish.
 */
export interface EventBus {
  publish<T extends Topic>(topic: T, events: readonly TopicEvent<T>[]): Promise<void>;
  subscribe<T extends Topic>(options: SubscribeOptions<T>): Promise<Subscription>;
  close(): Promise<void>;
}
