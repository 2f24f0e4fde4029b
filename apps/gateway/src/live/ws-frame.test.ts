import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { textFrame } from './ws-frame';

describe('textFrame', () => {
  it.each([
    ['a short text', 'é'.repeat(10), 2],
    ['a text of 16-bit length', 'x'.repeat(300), 4],
    ['a text of 64-bit length', 'y'.repeat(70_000), 10],
  ])('frames %s as a ws client reads it', async (_name, text, header) => {
    const frame = textFrame(text);
    expect(frame.length).toBe(header + Buffer.byteLength(text));
    // A real client, after a real handshake, reads the raw frame written to the server's socket.
    const wss = new WebSocketServer({ noServer: true });
    const server = createServer();
    server.on('upgrade', (request, socket, head) =>
      wss.handleUpgrade(request, socket, head, () => socket.write(frame)),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const [data] = (await once(client, 'message')) as [Buffer];
    expect(data.toString('utf8')).toBe(text);
    client.terminate();
    await new Promise((resolve) => server.close(resolve));
  });
});
