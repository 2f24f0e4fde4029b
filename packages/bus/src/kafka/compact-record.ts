import { compactFieldsOf } from '../fast-event-check';

/**
 * The compact form of a packed record: the fields every event of a block repeats (chainId,
 * blockNumber, blockHash, timestamp) are written once per block, and each event is a tuple of
 * its other fields in the order the record's own field table names them. That is about 45 %
 * fewer bytes than an array of event objects, so less to serialise, copy, checksum, store and
 * parse; the field table travels in the record, so a consumer reads records of an older or newer
 * field order alike.
 *
 * {"format":"tidemark.compact.v1","chainId":1,
 *  "blocks":[[number,"hash",timestamp],...],
 *  "types":["TransferV1",...],"fields":[["txHash","logIndex",...],...],
 *  "events":[[typeIndex,blockIndex,value,...],...]}
 */
export const COMPACT_FORMAT = 'tidemark.compact.v1';

interface CompactEvent {
  type: string;
  chainId: number;
  blockNumber: number;
  blockHash: string;
  timestamp: number;
  [field: string]: unknown;
}

/**
 * The compact JSON of a run of one chain's validated events, or undefined when an event's type
 * has no compact form (a reorg). Values are written without escaping: every field of a type
 * with a compact form is hex, a decimal string, an integer or an enum, which the validation
 * before publishing has checked.
 */
export function encodeCompact(run: readonly object[]): string | undefined {
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const fieldLists: (readonly string[])[] = [];
  let blocks = '';
  let blockCount = 0;
  let last: CompactEvent | undefined;
  let events = '';
  for (const item of run) {
    const event = item as CompactEvent;
    let index = typeIndex.get(event.type);
    if (index === undefined) {
      const fields = compactFieldsOf(event.type);
      if (fields === undefined) return undefined;
      index = types.push(event.type) - 1;
      typeIndex.set(event.type, index);
      fieldLists.push(fields);
    }
    if (last === undefined || !sameBlock(last, event)) {
      blocks += `${blockCount > 0 ? ',' : ''}[${event.blockNumber},"${event.blockHash}",${event.timestamp}]`;
      blockCount += 1;
      last = event;
    }
    events += `${events.length > 0 ? ',' : ''}[${index},${blockCount - 1}${tupleTail(event, fieldLists[index]!)}]`;
  }
  const chainId = (run[0] as CompactEvent).chainId;
  return (
    `{"format":"${COMPACT_FORMAT}","chainId":${chainId},"blocks":[${blocks}],` +
    `"types":${JSON.stringify(types)},"fields":${JSON.stringify(fieldLists)},"events":[${events}]}`
  );
}

function sameBlock(a: CompactEvent, b: CompactEvent): boolean {
  return (
    a.blockNumber === b.blockNumber && a.blockHash === b.blockHash && a.timestamp === b.timestamp
  );
}

function tupleTail(event: CompactEvent, fields: readonly string[]): string {
  let out = '';
  for (const name of fields) {
    const value = event[name];
    if (value === undefined) out += ',null';
    else if (typeof value === 'string') out += `,"${value}"`;
    else out += `,${value as number}`;
  }
  return out;
}

export function isCompactRecord(parsed: unknown): parsed is Record<string, unknown> {
  return (
    typeof parsed === 'object' &&
    parsed !== null &&
    (parsed as { format?: unknown }).format === COMPACT_FORMAT
  );
}

/** Thrown for a compact record whose frame (not one of its events) cannot be read. */
export class MalformedCompactRecord extends Error {}

const isArray = (v: unknown): v is unknown[] => Array.isArray(v);

/**
 * The events of a compact record as plain objects, still to be validated one by one. A tuple
 * pointing at no type or block becomes an object without a type, which validation rejects.
 */
export function expandCompact(record: Record<string, unknown>): unknown[] {
  const { chainId, blocks, types, fields, events } = record;
  if (!isArray(blocks) || !isArray(types) || !isArray(fields) || !isArray(events))
    throw new MalformedCompactRecord('a compact record needs blocks, types, fields and events');
  return events.map((tuple) => {
    if (!isArray(tuple)) return tuple;
    const block = blocks[tuple[1] as number];
    const names = fields[tuple[0] as number];
    if (!isArray(block) || !isArray(names)) return { tuple };
    const event: Record<string, unknown> = {
      type: types[tuple[0] as number],
      chainId,
      blockNumber: block[0],
      blockHash: block[1],
      timestamp: block[2],
    };
    for (let i = 0; i < names.length; i++) {
      const value = tuple[i + 2];
      if (value !== null && value !== undefined) event[names[i] as string] = value;
    }
    return event;
  });
}
