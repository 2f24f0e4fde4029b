import { encodeEvent, InvalidEventError, type CanonicalEvent } from '@tidemark/schema';
import { decodeWireEvent } from '../validate-batch';
import type { Batch, Message } from 'kafkajs';

export const EVENT_TYPE_HEADER = 'tidemark-event-type';

/** Keyed by chain, so all of a chain's events land on one partition and keep their order. */
export function toMessages(events: readonly CanonicalEvent[]): Message[] {
  return events.map((event) => ({
    key: String(event.chainId),
    value: encodeEvent(event),
    headers: { [EVENT_TYPE_HEADER]: event.type },
  }));
}

export interface InvalidMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  reason: string;
}

export interface DecodedBatch {
  events: CanonicalEvent[];
  invalid: InvalidMessage[];
}

export function decodeBatch(batch: Batch): DecodedBatch {
  const decoded: DecodedBatch = { events: [], invalid: [] };
  for (const message of batch.messages) {
    const reason = tryDecode(message.value, decoded.events);
    if (reason === undefined) continue;
    const { key, value, offset } = message;
    decoded.invalid.push({
      topic: batch.topic,
      partition: batch.partition,
      offset,
      key,
      value,
      reason,
    });
  }
  return decoded;
}

/** Appends the decoded event; returns why it could not be decoded instead. */
function tryDecode(value: Buffer | null, into: CanonicalEvent[]): string | undefined {
  if (value === null) return 'empty message';
  try {
    into.push(decodeWireEvent(value.toString('utf8')));
    return undefined;
  } catch (error) {
    if (error instanceof InvalidEventError) return error.message;
    throw error;
  }
}

/** Kafka offsets are 64-bit integers carried as strings. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
