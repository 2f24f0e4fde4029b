import type { Batch, KafkaMessage } from 'kafkajs';
import type { CanonicalEvent } from '@tidemark/schema';
import { describe, expect, it } from 'vitest';
import { COMPACT_FORMAT, encodeCompact } from '../src/kafka/compact-record';
import { decodeBatch, toMessages } from '../src/kafka/message-codec';
import { validatedCopy } from '../src/validate-batch';
import { oneOfEachType } from './fixtures';

function fetched(values: string[]): Batch {
  const messages = values.map(
    (value, i) =>
      ({ offset: String(i), key: Buffer.from('1'), value: Buffer.from(value) }) as KafkaMessage,
  );
  return { topic: 't', partition: 0, messages } as unknown as Batch;
}

const reorg = (chainId: number): CanonicalEvent => ({
  type: 'ReorgV1',
  chainId,
  ancestor: { number: 9, hash: `0x${'9'.repeat(64)}` },
  orphaned: [{ number: 10, hash: `0x${'a'.repeat(64)}` }],
  depth: 1,
});

describe('compact packed records', () => {
  const events = validatedCopy([
    ...oneOfEachType(5, 10),
    ...oneOfEachType(5, 11),
    ...oneOfEachType(5, 11).map((e) => ({ ...e, blockHash: `0x${'b'.repeat(64)}` as const })),
  ]);

  it('writes each block once and round-trips every field, optional ones included', () => {
    const withOptional = validatedCopy(
      events.map((e) =>
        e.type === 'TradeExecutedV1'
          ? { ...e, tick: -5, liquidity: '7', gasUsed: '21000', status: 'finalized' as const }
          : e,
      ),
    );
    const [message, ...rest] = toMessages(withOptional);
    expect(rest).toHaveLength(0);
    const value = String(message?.value);
    const record = JSON.parse(value) as { format: string; blocks: unknown[] };
    expect(record.format).toBe(COMPACT_FORMAT);
    // Two hashes at block 11 (a replaced block) are two blocks, not one.
    expect(record.blocks).toHaveLength(3);
    expect(decodeBatch(fetched([value]))).toEqual({ events: withOptional, invalid: [] });
  });

  it('takes far fewer bytes than an array of event objects', () => {
    const compact = encodeCompact(events) ?? '';
    expect(compact.length).toBeLessThan(JSON.stringify(events).length * 0.75);
  });

  it('falls back to an array of objects for a run holding a reorg, and reads both forms', () => {
    const run = validatedCopy([...oneOfEachType(6, 3), reorg(6), ...oneOfEachType(6, 3)]);
    expect(encodeCompact(run)).toBeUndefined();
    const [message] = toMessages(run);
    expect(String(message?.value).startsWith('[')).toBe(true);
    const older = JSON.stringify(events);
    const { events: read } = decodeBatch(fetched([String(message?.value), older]));
    expect(read).toEqual([...run, ...events]);
  });

  it("follows the record's own field table, whatever its order", () => {
    const transfer = events.find((e) => e.type === 'TransferV1');
    if (transfer?.type !== 'TransferV1') throw new Error('fixture');
    const { chainId, blockNumber, blockHash, timestamp } = transfer;
    const record = {
      format: COMPACT_FORMAT,
      chainId,
      blocks: [[blockNumber, blockHash, timestamp]],
      types: ['TransferV1'],
      fields: [['value', 'to', 'from', 'token', 'logIndex', 'txHash', 'addedLater']],
      events: [
        [0, 0, transfer.value, transfer.to, transfer.from, transfer.token].concat([
          transfer.logIndex,
          transfer.txHash,
          'ignored',
        ] as never[]),
      ],
    };
    expect(decodeBatch(fetched([JSON.stringify(record)])).events).toEqual([transfer]);
  });

  it('sets aside a bad tuple with its position and keeps its neighbours', () => {
    const value = JSON.parse(encodeCompact(events) ?? '') as { events: unknown[][] };
    value.events[2] = [0, 99]; // a block that is not in the record
    value.events[4]![2] = 'not a hash';
    const { events: read, invalid } = decodeBatch(fetched([JSON.stringify(value)]));
    expect(read).toEqual(events.filter((_, i) => i !== 2 && i !== 4));
    expect(invalid.map((i) => i.reason)).toEqual([
      expect.stringMatching(/invalid canonical event.*\(event 2 of 15 in the record\)/),
      expect.stringMatching(/invalid canonical event.*\(event 4 of 15 in the record\)/),
    ]);
  });

  it('rejects a record whose frame is broken as a whole, with the reason', () => {
    const broken = JSON.stringify({ format: COMPACT_FORMAT, chainId: 1, blocks: [] });
    const { events: read, invalid } = decodeBatch(fetched([broken]));
    expect(read).toEqual([]);
    expect(invalid[0]?.reason).toMatch(/needs blocks, types, fields and events/);
  });
});
