import { once } from 'node:events';
import { createServer, connect, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { descriptorOf, WritePool } from './write-pool';

const sockets: Socket[] = [];
afterAll(() => {
  for (const socket of sockets) socket.destroy();
});

describe('WritePool', () => {
  it('shares a batch between the main thread and its threads, every write done once', async () => {
    const pool = new WritePool(2, (error) => {
      throw error;
    });
    await pool.online;
    const server = createServer((socket) => sockets.push(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as { port: number };
    const clients = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const client = connect(port, '127.0.0.1');
        await once(client, 'connect');
        sockets.push(client);
        return client;
      }),
    );
    while (sockets.length < 40) await once(server, 'connection');
    server.close();
    let received = 0;
    const all = new Promise<void>((resolve) => {
      for (const client of clients)
        client.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received >= 60_000) resolve();
        });
    });
    // 60,000 one-byte writes (~0.5 s for one thread): long enough for the threads to take part.
    const accepted = sockets.filter((socket) => !clients.includes(socket));
    const writes = Array.from({ length: 60_000 }, (_, i) => ({
      socket: accepted[i % accepted.length]!,
      frames: Buffer.from('x'),
    }));
    const own = pool.write(
      writes,
      writes.map(({ socket }) => descriptorOf(socket)!),
    );
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(60_000);
    await pool.stop();
    await all;
    expect(received).toBe(60_000);
  }, 30_000);
});
