import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { connections, receive } from '../../test/support/loopback-pairs';
import { createFrameWriter, type FrameWriter } from './frame-writer';

const logger = pino({ level: 'silent' });

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function threadedWriter(): Promise<FrameWriter> {
  const writer = createFrameWriter({ threads: 2, minSharedWrites: 1, logger });
  cleanups.push(() => writer.close());
  await writer.started();
  return writer;
}

describe('createFrameWriter', () => {
  it('writes each socket its own frames from the main thread and the write threads', async () => {
    const writer = await threadedWriter();
    const { pairs, close } = await connections(30);
    cleanups.push(close);
    const frames = [Buffer.from('first frame bytes'), Buffer.from('second, longer frame bytes')];
    const expected = pairs.map((_, i) => frames[i % 2]!);
    const received = pairs.map(({ client }, i) => receive(client, expected[i]!.length));
    writer.writeAll(pairs.map(({ socket }, i) => ({ socket, frames: expected[i]! })));
    expect(await Promise.all(received)).toEqual(expected);
    // Who wrote which is up to the scheduler (write-pool.test.ts shows the threads do write).
    expect(writer.counts.main + writer.counts.threads).toBe(30);
  });

  it('keeps the bytes in order when a socket fills up and the rest is queued on it', async () => {
    const writer = await threadedWriter();
    const { pairs, close } = await connections(3);
    cleanups.push(close);
    // Clients not reading: the kernel's buffers fill, and a thread's write is cut short or refused.
    for (const { client } of pairs) client.pause();
    const pushes = Array.from({ length: 6 }, (_, i) => Buffer.alloc(1024 * 1024, 65 + i));
    for (const frames of pushes) writer.writeAll(pairs.map(({ socket }) => ({ socket, frames })));
    expect(pairs.some(({ socket }) => socket.writableLength > 0)).toBe(true);
    const total = pushes.reduce((sum, push) => sum + push.length, 0);
    const received = pairs.map(({ client }) => receive(client, total));
    for (const { client } of pairs) client.resume();
    for (const bytes of await Promise.all(received))
      expect(bytes.equals(Buffer.concat(pushes))).toBe(true);
  });

  it('writes a corked socket after what it holds', async () => {
    const writer = await threadedWriter();
    const { pairs, close } = await connections(4);
    cleanups.push(close);
    const [corked] = pairs;
    corked!.socket.cork();
    corked!.socket.write('held ');
    const received = receive(corked!.client, 'held pushed'.length);
    writer.writeAll(pairs.map(({ socket }) => ({ socket, frames: Buffer.from('pushed') })));
    corked!.socket.uncork();
    expect((await received).toString()).toBe('held pushed');
  });

  it('joins two pushes for one socket in a fan-out into one write, in order', async () => {
    const writer = await threadedWriter();
    const { pairs, close } = await connections(3);
    cleanups.push(close);
    const [twice] = pairs;
    const received = receive(twice!.client, 'onetwo'.length);
    writer.writeAll([
      { socket: twice!.socket, frames: Buffer.from('one') },
      ...pairs.slice(1).map(({ socket }) => ({ socket, frames: Buffer.from('other') })),
      { socket: twice!.socket, frames: Buffer.from('two') },
    ]);
    expect((await received).toString()).toBe('onetwo');
    expect(writer.counts).toMatchObject({ merged: 1 });
  });

  it('stays on the main thread without threads or below the batch size', async () => {
    const direct = createFrameWriter({ threads: 0, logger });
    const batched = createFrameWriter({ threads: 1, minSharedWrites: 100, logger });
    cleanups.push(() => batched.close());
    await batched.started();
    const { pairs, close } = await connections(10);
    cleanups.push(close);
    const writes = pairs.map(({ socket }) => ({ socket, frames: Buffer.from('x') }));
    const received = pairs.map(({ client }) => receive(client, 2));
    direct.writeAll(writes);
    batched.writeAll(writes);
    expect((await Promise.all(received)).map(String)).toEqual(pairs.map(() => 'xx'));
    expect(direct.counts).toEqual({ main: 10, threads: 0, merged: 0 });
    expect(batched.counts).toEqual({ main: 10, threads: 0, merged: 0 });
  });
});
