import {
  decodeEvent,
  encodeEvent,
  InvalidEventError,
  parseEvent,
  type CanonicalEvent,
} from '@tidemark/schema';
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

/** Parses and validates one message value from the wire. */
export function decodeWireEvent(text: string): CanonicalEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidEventError('invalid canonical event: not JSON');
  }
  return fastCheckEvent(value) ?? parseEvent(value);
}
