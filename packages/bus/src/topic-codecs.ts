import { Topics, type BusEvent, type Topic, type TopicEvent } from '@tidemark/domain';
import { parseAnalyticsUpdate, type AnalyticsUpdate } from '@tidemark/schema';
import { UnknownTopicError } from './errors';
import { checkWireValue, validatedCopy } from './validate-batch';

/** How one topic's events are validated: on publish, and when read back from the wire. */
export interface TopicCodec<E extends BusEvent> {
  /** A validated, normalised, frozen copy; throws InvalidEventError (not retryable). */
  validate: (events: readonly E[]) => readonly E[];
  /** One value parsed from a record; throws InvalidEventError. */
  check: (value: unknown) => E;
}

/** Analytics updates are few per batch: zod on a copy through the wire form is fast enough. */
const analyticsUpdates: TopicCodec<AnalyticsUpdate> = {
  validate: (events) =>
    Object.freeze(events.map((event) => parseAnalyticsUpdate(JSON.parse(JSON.stringify(event))))),
  check: parseAnalyticsUpdate,
};

const codecs: { [T in Topic]: TopicCodec<TopicEvent<T>> } = {
  [Topics.chainEvents]: { validate: validatedCopy, check: checkWireValue },
  [Topics.analyticsUpdates]: analyticsUpdates,
};

/** The codec of a topic; an unknown topic (a caller bypassing the types) is refused. */
export function codecOf<T extends Topic>(topic: T): TopicCodec<TopicEvent<T>> {
  const codec = codecs[topic] as TopicCodec<TopicEvent<T>> | undefined;
  if (codec === undefined) throw new UnknownTopicError(topic, Object.values(Topics));
  return codec;
}
