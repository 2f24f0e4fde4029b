import type { Batch, KafkaMessage } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeBatch, EVENT_COUNT_HEADER, toMessages } from '../src/kafka/message-codec';
import { validatedCopy } from '../src/validate-batch';
import { blockEvent, oneOfEachType } from './fixtures';

/** A fetched batch as kafkajs hands it over, from the records a publish would send. */
function fetched(values: (string | null)[]): Batch {
  const messages = values.map(
    (value, i) =>
      ({
        offset: String(100 + i),
        key: Buffer.from('1'),
        value: value && Buffer.from(value),
      }) as KafkaMessage,
  );
  return { topic: 't', partition: 0, messages } as unknown as Batch;
}

const valuesOf = (events: Parameters<typeof toMessages>[0], target?: number) =>
  toMessages(events, target).map((m) => String(m.value));

describe('packed Kafka records', () => {
  it('round-trips every event type, in order, through packed records', () => {
    const events = validatedCopy([...oneOfEachType(7, 10), ...oneOfEachType(7, 11)]);
    const messages = toMessages(events);
    expect(messages).toHaveLength(1);
    expect(String(messages[0]?.headers?.[EVENT_COUNT_HEADER])).toBe(String(events.length));
    expect(decodeBatch(fetched(valuesOf(events)))).toEqual({ events, invalid: [] });
  });

  it('starts a new record for another chain and when a record reaches its size', () => {
    const events = [
      ...Array.from({ length: 50 }, (_, i) => blockEvent(1, i + 1)),
      blockEvent(2, 1),
      blockEvent(1, 51),
    ];
    const messages = toMessages(events, 2_000);
    expect(messages.map((m) => m.key)).toEqual([...messages.slice(0, -2).map(() => '1'), '2', '1']);
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages.slice(0, -2)) expect(String(m.value).length).toBeLessThan(2_300);
    expect(decodeBatch(fetched(messages.map((m) => String(m.value)))).events).toEqual(events);
  });

  it('keeps a lone event a plain object, as older records were', () => {
    const [value] = valuesOf([blockEvent(3, 9)]);
    expect(value?.startsWith('{')).toBe(true);
    expect(decodeBatch(fetched([value ?? ''])).events).toEqual([blockEvent(3, 9)]);
  });

  it('sets aside a bad event of a packed record with its position and keeps its neighbours', () => {
    const good = [blockEvent(4, 1), blockEvent(4, 2)];
    const packed = `[${JSON.stringify(good[0])},{"type":"Nope"},${JSON.stringify(good[1])}]`;
    const { events, invalid } = decodeBatch(fetched([packed, 'not json', null]));
    expect(events).toEqual(good);
    expect(invalid.map((i) => [i.offset, i.value?.toString()])).toEqual([
      ['100', '{"type":"Nope"}'],
      ['101', 'not json'],
      ['102', undefined],
    ]);
    expect(invalid[0]?.reason).toMatch(/invalid canonical event.*\(event 1 of 3 in the record\)/);
    expect(invalid[1]?.reason).toMatch(/not JSON/);
    expect(invalid[2]?.reason).toBe('empty message');
  });
});
