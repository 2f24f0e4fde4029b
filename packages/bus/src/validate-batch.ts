import { decodeEvent, encodeEvent, parseEvent, type CanonicalEvent } from '@tidemark/schema';
import { fastCheckEvent } from './fast-event-check';

/**
 * Validates a batch once, so every adapter hands subscribers the same validated, normalised
 * values and a bad event fails the publish (InvalidEventError, not retryable) instead of reaching
 * a consumer. The copy equals a trip through the wire encoding; the fast path skips that trip.
 */
export function validatedCopy(events: readonly CanonicalEvent[]): readonly CanonicalEvent[] {
  return Object.freeze(
    events.map((event) => fastCheckEvent(event) ?? decodeEvent(encodeEvent(event))),
  );
}

/** Validates one event already parsed from the wire. */
export function checkWireValue(value: unknown): CanonicalEvent {
  return fastCheckEvent(value) ?? parseEvent(value);
}
