import { afterAll, describe, expect, it } from 'vitest';
import { connections, receive } from '../../test/support/loopback-pairs';
import { descriptorOf, WritePool } from './write-pool';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('WritePool', () => {
  it('shares a batch between the main thread and its threads, every write done once', async () => {
    const pool = new WritePool(2, (error) => {
      throw error;
    });
    cleanups.push(() => pool.stop());
    await pool.online;
    const { pairs, close } = await connections(20);
    cleanups.push(close);
    // 60,000 one-byte writes (~0.5 s for one thread): long enough for the threads to take part.
    const writes = Array.from({ length: 60_000 }, (_, i) => ({
      socket: pairs[i % pairs.length]!.socket,
      frames: Buffer.from('x'),
    }));
    const received = pairs.map(({ client }) => receive(client, 3000));
    const own = pool.write(
      writes,
      writes.map(({ socket }) => descriptorOf(socket)!),
    );
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(60_000);
    const bytes = await Promise.all(received);
    expect(bytes.reduce((sum, chunk) => sum + chunk.length, 0)).toBe(60_000);
  }, 30_000);
});
