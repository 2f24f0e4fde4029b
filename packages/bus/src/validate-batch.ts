import { decodeEvent, encodeEvent, type CanonicalEvent } from '@tidemark/schema';

/**
 * Runs a batch through the wire encoding once, so every adapter hands subscribers the same
 * validated, normalised values and a bad event fails the publish (InvalidEventError, not
 * retryable) instead of reaching a consumer.
 */
export function validatedCopy(events: readonly CanonicalEvent[]): readonly CanonicalEvent[] {
  return Object.freeze(events.map((event) => decodeEvent(encodeEvent(event))));
}
