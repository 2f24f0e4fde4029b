import { once } from 'node:events';
import { createServer, connect, type Server, type Socket } from 'node:net';

/** `count` loopback connections: the server's sockets and, for each, what its client received. */
export async function connections(count: number) {
  const accepted: Socket[] = [];
  const server: Server = createServer((socket) => accepted.push(socket));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  const clients = await Promise.all(
    Array.from({ length: count }, async () => {
      const client = connect(port, '127.0.0.1');
      await once(client, 'connect');
      return client;
    }),
  );
  while (accepted.length < count) await once(server, 'connection');
  // Accept order is not connect order: pair each server socket with its client by port.
  const byPort = new Map(clients.map((client) => [client.localPort, client]));
  const clientOf = (socket: Socket) => {
    const client = byPort.get(socket.remotePort);
    if (client === undefined) throw new Error(`no client on port ${socket.remotePort}`);
    return client;
  };
  const pairs = accepted.map((socket) => ({ socket, client: clientOf(socket) }));
  const close = () => {
    for (const { socket, client } of pairs) {
      socket.destroy();
      client.destroy();
    }
    server.close();
  };
  return { pairs, close };
}

/** Resolves with everything `client` receives until it has `length` bytes. */
export function receive(client: Socket, length: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let got = 0;
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      got += chunk.length;
      if (got < length) return;
      client.off('data', onData);
      resolve(Buffer.concat(chunks));
    };
    client.on('data', onData);
  });
}
