import {
  Address,
  BlockNumber,
  CanonicalEvent,
  ChainId,
  Hash,
  UintString,
  UnixSeconds,
  type CanonicalEventType,
} from '@tidemark/schema';
import { z } from 'zod';

/**
 * A hand-written fast path for the canonical event contracts: per-event zod parsing dominated the
 * cost of a publish. It accepts only what the zod schemas accept and returns the same normalised
 * copy (hashes and addresses lower case, unknown keys dropped). Anything it is not sure about
 * (a field it has no check for, a value it rejects) returns undefined, and the caller asks zod,
 * which gives the authoritative answer and its error message.
 */
type Check = (value: unknown) => unknown;

const HASH_LOWER = /^0x[0-9a-f]{64}$/;
const HASH_ANY = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS_LOWER = /^0x[0-9a-f]{40}$/;
const ADDRESS_ANY = /^0x[0-9a-fA-F]{40}$/;
const UINT = /^(0|[1-9][0-9]*)$/;
const INVALID = Symbol('invalid');

const hexCheck =
  (lower: RegExp, any: RegExp): Check =>
  (v) => {
    if (typeof v !== 'string') return INVALID;
    if (lower.test(v)) return v;
    return any.test(v) ? v.toLowerCase() : INVALID;
  };
const int: Check = (v) => (Number.isSafeInteger(v) ? v : INVALID);
const nonNegative: Check = (v) => (Number.isSafeInteger(v) && (v as number) >= 0 ? v : INVALID);
const positive: Check = (v) => (Number.isSafeInteger(v) && (v as number) > 0 ? v : INVALID);

/** Checks keyed by the very schema object a field uses, so a changed field type is noticed. */
const bySchema = new Map<z.ZodType, Check>([
  [Hash, hexCheck(HASH_LOWER, HASH_ANY)],
  [Address, hexCheck(ADDRESS_LOWER, ADDRESS_ANY)],
  [UintString, (v) => (typeof v === 'string' && UINT.test(v) ? v : INVALID)],
  [ChainId, positive],
  [BlockNumber, nonNegative],
  [UnixSeconds, nonNegative],
]);

/** Inline integer fields (no shared schema object to recognise them by). */
const byName: Record<string, Check> = {
  logIndex: nonNegative,
  fee: nonNegative,
  tickSpacing: int,
  tick: int,
};

function checkOf(name: string, field: z.ZodType): Check | undefined {
  const inner = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
  if (inner instanceof z.ZodEnum) {
    const allowed = new Set<unknown>(inner.options);
    return (v) => (allowed.has(v) ? v : INVALID);
  }
  return bySchema.get(inner) ?? (inner instanceof z.ZodNumber ? byName[name] : undefined);
}

/**
 * Remembers the field's last value that passed unchanged: the events of a block share its hash and
 * number, a transaction's events its hash, so most values are checked once, not once per event.
 */
function remembering(check: Check): Check {
  let last: unknown = INVALID;
  return (value) => {
    if (value === last) return value;
    const checked = check(value);
    if (checked === value) last = value;
    return checked;
  };
}

interface Field {
  name: string;
  check: Check;
  optional: boolean;
}

/** Field lists read from the zod schemas themselves, so a new field cannot be missed silently. */
function planOf(schema: (typeof CanonicalEvent.options)[number]): Field[] | undefined {
  const fields: Field[] = [];
  for (const [name, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    if (name === 'type') continue;
    const check = checkOf(name, field);
    if (check === undefined) return undefined;
    fields.push({ name, check: remembering(check), optional: field.safeParse(undefined).success });
  }
  return fields;
}

const plans = new Map<CanonicalEventType, Field[] | undefined>(
  CanonicalEvent.options.map((schema) => [schema.shape.type.value, planOf(schema)]),
);

const BLOCK_FIELDS = ['chainId', 'blockNumber', 'blockHash', 'timestamp'];

/**
 * The fields of a type besides its block's (chainId, blockNumber, blockHash, timestamp), in
 * schema order, when every field is hex, a decimal string, an integer or an enum: such events
 * can be written without escaping (see compact-record.ts). Undefined otherwise (a reorg).
 */
export function compactFieldsOf(type: string): readonly string[] | undefined {
  return compactFields.get(type);
}

const compactFields = new Map<string, readonly string[]>();
for (const [type, plan] of plans) {
  const names = plan?.map((f) => f.name);
  if (names && BLOCK_FIELDS.every((name) => names.includes(name)))
    compactFields.set(type, Object.freeze(names.filter((name) => !BLOCK_FIELDS.includes(name))));
}

/** The normalised event when `value` is certainly valid, otherwise undefined (ask zod). */
export function fastCheckEvent(value: unknown): CanonicalEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const input = value as Record<string, unknown>;
  const plan = plans.get(input.type as CanonicalEventType);
  if (plan === undefined) return undefined;
  // Already normal (nothing to lower-case, no unknown keys): the input itself is the answer,
  // which spares a copy per event on the hot path.
  const normal = isNormal(input, plan);
  if (normal === undefined) return undefined;
  return normal ? (input as CanonicalEvent) : normalisedCopy(input, plan);
}

/** True when every field passes unchanged and no other key is present; undefined when invalid. */
function isNormal(input: Record<string, unknown>, plan: Field[]): boolean | undefined {
  let same = true;
  let fields = 1;
  for (const { name, check, optional } of plan) {
    const raw = input[name];
    if (raw === undefined && optional) continue;
    const checked = check(raw);
    if (checked === INVALID) return undefined;
    fields += 1;
    if (checked !== raw) same = false;
  }
  if (!same) return false;
  let keys = 0;
  for (const key in input) if (Object.hasOwn(input, key)) keys += 1; // counts without allocating
  return keys === fields;
}

function normalisedCopy(input: Record<string, unknown>, plan: Field[]): CanonicalEvent {
  const out: Record<string, unknown> = { type: input.type };
  for (const { name, check, optional } of plan) {
    const raw = input[name];
    if (raw === undefined && optional) continue;
    out[name] = check(raw);
  }
  return out as CanonicalEvent;
}
