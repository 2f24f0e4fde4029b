import { encodeEvent, InvalidEventError, type CanonicalEvent } from '@tidemark/schema';
import { checkWireValue } from '../validate-batch';
import {
  encodeCompact,
  expandCompact,
  isCompactRecord,
  MalformedCompactRecord,
} from './compact-record';
import type { Batch, Message } from 'kafkajs';

/** How many events a record holds; a record holding one event is a plain event object. */
export const EVENT_COUNT_HEADER = 'tidemark-events';
/**
 * Packing consecutive events of a chain into one record spares kafkajs its per-record work
 * (varints, headers, CRC input), which cost ~70 CPU-s per million one-event records; order within
 * a chain is unchanged. A packed record is in the compact form (compact-record.ts), or a JSON
 * array of events when a run holds an event without one (a reorg). A record holds up to RECORD_MAX_EVENTS events
 * serialised in one call, and is split in halves while it is over RECORD_MAX_BYTES.
 */
const RECORD_MAX_EVENTS = 256;
const RECORD_MAX_BYTES = 512 * 1024;

/** Runs of consecutive events of one chain, at most `maxEvents` long. */
function runsByChain(events: readonly CanonicalEvent[], maxEvents: number): CanonicalEvent[][] {
  const runs: CanonicalEvent[][] = [];
  let run: CanonicalEvent[] = [];
  for (const event of events) {
    if (run.length > 0 && (run.length >= maxEvents || run[0]!.chainId !== event.chainId)) {
      runs.push(run);
      run = [];
    }
    run.push(event);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

function pack(run: readonly CanonicalEvent[], maxBytes: number, into: Message[]): void {
  const value =
    run.length === 1 ? encodeEvent(run[0]!) : (encodeCompact(run) ?? JSON.stringify(run));
  if (value.length > maxBytes && run.length > 1) {
    const half = Math.ceil(run.length / 2);
    pack(run.slice(0, half), maxBytes, into);
    pack(run.slice(half), maxBytes, into);
    return;
  }
  into.push({
    key: String(run[0]!.chainId),
    value,
    headers: { [EVENT_COUNT_HEADER]: String(run.length) },
  });
}

/**
 * Records for a publish, keyed by chain so that all of a chain's events land on one partition
 * and keep their order. A lone event is a plain event object, as older records were.
 */
export function toMessages(
  events: readonly CanonicalEvent[],
  maxBytes = RECORD_MAX_BYTES,
  maxEvents = RECORD_MAX_EVENTS,
): Message[] {
  const messages: Message[] = [];
  for (const run of runsByChain(events, maxEvents)) pack(run, maxBytes, messages);
  return messages;
}

export interface InvalidMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  reason: string;
}

export interface DecodedBatch<E = CanonicalEvent> {
  events: E[];
  invalid: InvalidMessage[];
}

/** `check` validates one event with the schema of the batch's topic (default: canonical events). */
export function decodeBatch(batch: Batch): DecodedBatch;
export function decodeBatch<E>(batch: Batch, check: (value: unknown) => E): DecodedBatch<E>;
export function decodeBatch(
  batch: Batch,
  check: (value: unknown) => unknown = checkWireValue,
): DecodedBatch<unknown> {
  const decoded: DecodedBatch<unknown> = { events: [], invalid: [] };
  for (const message of batch.messages) {
    const { key, offset } = message;
    for (const bad of decodeRecord(message.value, decoded.events, check))
      decoded.invalid.push({ topic: batch.topic, partition: batch.partition, offset, key, ...bad });
  }
  return decoded;
}

interface BadPart {
  value: Buffer | null;
  reason: string;
}

/**
 * Appends the record's valid events; returns what could not be decoded. In a packed record each
 * event stands alone: one bad event is set aside (with its position) and its neighbours go on.
 */
function decodeRecord<E>(value: Buffer | null, into: E[], check: (value: unknown) => E): BadPart[] {
  if (value === null) return [{ value, reason: 'empty message' }];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    return [{ value, reason: 'invalid canonical event: not JSON' }];
  }
  if (isCompactRecord(parsed)) {
    try {
      parsed = expandCompact(parsed);
    } catch (error) {
      if (error instanceof MalformedCompactRecord) return [{ value, reason: error.message }];
      throw error;
    }
  }
  if (!Array.isArray(parsed)) {
    const reason = tryCheck(parsed, into, check);
    return reason === undefined ? [] : [{ value, reason }];
  }
  const bad: BadPart[] = [];
  const items = parsed;
  items.forEach((item: unknown, index) => {
    const reason = tryCheck(item, into, check);
    if (reason === undefined) return;
    bad.push({
      value: Buffer.from(JSON.stringify(item) ?? 'null'),
      reason: `${reason} (event ${index} of ${items.length} in the record)`,
    });
  });
  return bad;
}

function tryCheck<E>(value: unknown, into: E[], check: (value: unknown) => E): string | undefined {
  try {
    into.push(check(value));
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
