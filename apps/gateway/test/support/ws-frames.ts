import WebSocket from 'ws';

export type Frame = Record<string, unknown>;

interface Closed {
  code: number;
  reason: string;
}

/** A WebSocket speaking raw graphql-ws frames, for protocol tests a real client would not send. */
export interface RawSocket {
  /** Sends a frame; a string goes out verbatim (malformed frames). */
  send(frame: Frame | string): void;
  /** The next frame the server sent (frames are queued, so none is missed between awaits). */
  next(): Promise<Frame>;
  /** Settles with the close code and reason once the socket has closed. */
  closed: Promise<Closed>;
  close(): void;
}

export const graphqlWsProtocol = 'graphql-transport-ws';

function text(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

/** Opens a socket on `url` (offering `protocols`) and resolves once it is open. */
export async function openRawSocket(
  url: string,
  protocols: string[] = [graphqlWsProtocol],
): Promise<RawSocket> {
  const socket = new WebSocket(url, protocols);
  const frames: Frame[] = [];
  const waiting: ((frame: Frame) => void)[] = [];
  socket.on('message', (data: WebSocket.RawData) => {
    const frame = JSON.parse(text(data)) as Frame;
    const waiter = waiting.shift();
    if (waiter) waiter(frame);
    else frames.push(frame);
  });
  const closed = new Promise<Closed>((resolve) => {
    socket.once('close', (code: number, reason: Buffer) =>
      resolve({ code, reason: reason.toString('utf8') }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  // A later socket error is followed by 'close', which is what the tests observe.
  socket.on('error', () => undefined);
  return {
    send: (frame) => socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next: () => {
      const frame = frames.shift();
      if (frame) return Promise.resolve(frame);
      // A close while waiting fails the wait instead of hanging until the test timeout.
      return Promise.race([
        new Promise<Frame>((resolve) => waiting.push(resolve)),
        closed.then(({ code, reason }) => {
          throw new Error(`socket closed (${code} ${reason}) while a frame was awaited`);
        }),
      ]);
    },
    closed,
    close: () => socket.close(1000),
  };
}

/** Opens a socket and completes the connection_init / connection_ack handshake. */
export async function openAcknowledged(url: string): Promise<RawSocket> {
  const raw = await openRawSocket(url);
  raw.send({ type: 'connection_init' });
  const ack = await raw.next();
  if (ack.type !== 'connection_ack')
    throw new Error(`expected connection_ack, got ${JSON.stringify(ack)}`);
  return raw;
}
