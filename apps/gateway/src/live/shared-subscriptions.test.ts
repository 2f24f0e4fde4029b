import { makeExecutableSchema } from '@graphql-tools/schema';
import { parse, type ExecutionArgs } from 'graphql';
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../config';
import { createProtection } from '../graphql/server/protection';
import { createFrameWriter } from './frame-writer';
import { SharedSubscriptions, type SharedMember } from './shared-subscriptions';
import { SubscriberQueue } from './subscriber-queue';

const config = parseGatewayConfig({});
const protection = createProtection(config.limits, 'development');
const logger = pino({ level: 'silent' });
const writer = createFrameWriter({ threads: 0, logger });

/** A schema whose one subscription reads `source`, counting how often a result is executed. */
function tickSchema(limit = 100) {
  const counts = { executed: 0, sources: 0, ended: 0, overflows: 0 };
  let source: SubscriberQueue<number> | undefined;
  const schema = makeExecutableSchema({
    typeDefs: 'type Query { ok: Boolean } type Subscription { tick(bad: Boolean): Int }',
    resolvers: {
      Subscription: {
        tick: {
          subscribe: (
            _: unknown,
            args: { bad?: boolean },
            context: { dropConnection(r: string): void },
          ) => {
            if (args.bad === true) throw new Error('bad argument');
            counts.sources += 1;
            source = new SubscriberQueue<number>(
              limit,
              () => {
                counts.overflows += 1;
                context.dropConnection('too slow');
              },
              () => (counts.ended += 1),
            );
            return source;
          },
          resolve: (value: number) => {
            counts.executed += 1;
            return value;
          },
        },
      },
    },
  });
  return { schema, counts, source: () => source };
}

interface Recorded extends SharedMember {
  frames: string[];
  /** The frames' bytes as written. */
  raw: Buffer[];
}

/** The texts of consecutive server WebSocket frames (see ws-frame.ts). */
function frameTexts(bytes: Buffer): string[] {
  const texts: string[] = [];
  for (let at = 0; at < bytes.length;) {
    const short = bytes[at + 1]!;
    const header = short < 126 ? 2 : short === 126 ? 4 : 10;
    const length =
      short < 126
        ? short
        : short === 126
          ? bytes.readUInt16BE(at + 2)
          : Number(bytes.readBigUInt64BE(at + 2));
    texts.push(bytes.subarray(at + header, at + header + length).toString('utf8'));
    at += header + length;
  }
  return texts;
}

function member(id = '1'): Recorded {
  const frames: string[] = [];
  const raw: Buffer[] = [];
  const socket = new Writable({
    write(bytes: Buffer, _encoding, done) {
      raw.push(bytes);
      for (const text of frameTexts(bytes)) {
        const message = JSON.parse(text) as { id: string; payload: unknown };
        frames.push(`next ${message.id} ${JSON.stringify(message.payload)}`);
      }
      done();
    },
  });
  return {
    id,
    frames,
    raw,
    socket: () => socket,
    error: (errors) => frames.push(`error ${errors}`),
    complete: () => frames.push('complete'),
    drop: (reason) => frames.push(`drop ${reason}`),
  };
}

const args = (schema: ExecutionArgs['schema'], query: string): ExecutionArgs => ({
  schema,
  document: parse(query),
});

/** Lets the groups run and flush (they write at the end of a turn of the event loop). */
const settle = async () => {
  for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('SharedSubscriptions', () => {
  it('executes and serializes each event once for every member of a group', async () => {
    const { schema, counts, source } = tickSchema();
    const shared = new SharedSubscriptions(logger, protection, writer);
    const members = Array.from({ length: 100 }, (_, i) => member(i < 50 ? '1' : `op-${i}`));
    for (const m of members) shared.join('k', args(schema, 'subscription { tick }'), m);
    await settle();
    source()!.push(7);
    source()!.push(8);
    await settle();
    expect(counts).toMatchObject({ sources: 1, executed: 2 });
    expect(shared.groupCount).toBe(1);
    for (const m of members)
      expect(m.frames).toEqual([
        `next ${m.id} {"data":{"tick":7}}`,
        `next ${m.id} {"data":{"tick":8}}`,
      ]);
    // Both results went out in one write; subscribers with the same operation id share its bytes.
    expect(members[0]!.raw).toHaveLength(1);
    expect(members[0]!.raw[0]).toBe(members[49]!.raw[0]);
  });

  it('runs different keys apart and ends a group when its last member leaves', async () => {
    const { schema, counts } = tickSchema();
    const shared = new SharedSubscriptions(logger, protection, writer);
    const leaveA = shared.join('a', args(schema, 'subscription { tick }'), member());
    const leaveB = shared.join('b', args(schema, 'subscription { tick }'), member());
    const leaveA2 = shared.join('a', args(schema, 'subscription { tick }'), member());
    await settle();
    expect(counts.sources).toBe(2);
    leaveA();
    expect(shared.groupCount).toBe(2);
    leaveA2();
    leaveB();
    await settle();
    expect(shared.groupCount).toBe(0);
    expect(counts.ended).toBe(2);
  });

  it('answers an operation that fails at once with one result and complete for each member', async () => {
    const { schema } = tickSchema();
    const shared = new SharedSubscriptions(logger, protection, writer);
    const members = [member(), member()];
    for (const m of members)
      shared.join('bad', args(schema, 'subscription { tick(bad: true) }'), m);
    await settle();
    for (const m of members) {
      expect(m.frames).toHaveLength(2);
      expect(m.frames[0]).toMatch(/^next 1 \{"errors":\[\{"message":"Internal server error/);
      expect(m.frames[1]).toBe('complete');
    }
    expect(shared.groupCount).toBe(0);
  });

  it('drops every member when the group itself falls behind its source', async () => {
    const { schema, counts, source } = tickSchema(2);
    const shared = new SharedSubscriptions(logger, protection, writer);
    const members = [member(), member()];
    for (const m of members) shared.join('k', args(schema, 'subscription { tick }'), m);
    await settle();
    // Pushed in one go: the waiting reader takes the first, the queue holds two, the fourth overflows.
    for (const value of [1, 2, 3, 4]) source()!.push(value);
    await settle();
    expect(counts.overflows).toBe(1);
    for (const m of members) expect(m.frames).toEqual(['drop too slow']);
    expect(shared.groupCount).toBe(0);
  });
});
