/**
 * The least a bench subscriber needs of a WebSocket client (RFC 6455), on a plain TCP socket: the
 * upgrade handshake, masked text frames out, unmasked frames in, pong for ping. Much cheaper per
 * socket than a full client (one `data` event per TCP read, frames sliced without copies), so on
 * a shared two-core machine the subscribers take less CPU from the gateway they measure. No
 * permessage-deflate, no fragmented messages (the gateway sends neither).
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawWsHandlers {
  /** The handshake succeeded: frames may be sent. */
  open(): void;
  /** One text frame's payload (a view of the received bytes: copy to keep it). */
  text(payload: Buffer): void;
  /** The socket closed, or failed (`error` set). */
  closed(error?: Error): void;
}

/** A masked client text frame (RFC 6455 5.3; the mask is zero, which servers accept). */
export function clientTextFrame(text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = payload.length < 126 ? 6 : 8;
  const frame = Buffer.alloc(header + payload.length);
  frame[0] = 0x81;
  if (payload.length < 126) frame[1] = 0x80 | payload.length;
  else {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(payload.length, 2);
  }
  payload.copy(frame, header);
  return frame;
}

function controlFrame(opcode: number, payload: Buffer): Buffer {
  const frame = Buffer.alloc(6 + payload.length);
  frame[0] = 0x80 | opcode;
  frame[1] = 0x80 | payload.length;
  payload.copy(frame, 6);
  return frame;
}

/** Reads frames from `bytes`; returns the unread rest (an incomplete frame). */
function readFrames(bytes: Buffer, socket: Socket, handlers: RawWsHandlers): Buffer | undefined {
  let at = 0;
  while (bytes.length - at >= 2) {
    const opcode = bytes[at]! & 0x0f;
    const short = bytes[at + 1]! & 0x7f;
    const header = short < 126 ? 2 : short === 126 ? 4 : 10;
    if (bytes.length - at < header) break;
    const length =
      short < 126
        ? short
        : short === 126
          ? bytes.readUInt16BE(at + 2)
          : Number(bytes.readBigUInt64BE(at + 2));
    if (bytes.length - at < header + length) break;
    const payload = bytes.subarray(at + header, at + header + length);
    at += header + length;
    if (opcode === 1) handlers.text(payload);
    else if (opcode === 9) socket.write(controlFrame(0xa, payload));
    else if (opcode === 8) socket.end(controlFrame(0x8, payload.subarray(0, 2)));
  }
  return at === bytes.length ? undefined : bytes.subarray(at);
}

/**
 * Every socket reads into this one buffer (net's `onread`): no Buffer allocated and no stream
 * event per read (in a scratch test of bare reads, half the CPU per read). Bytes are valid only
 * during the read callback; an incomplete frame's are copied out.
 */
const readBuffer = Buffer.allocUnsafe(64 * 1024);

/** Opens a WebSocket to `url` with `protocol`, from `localAddress`. */
export function openRawWebSocket(
  url: string,
  protocol: string,
  localAddress: string,
  handlers: RawWsHandlers,
): Socket {
  const { hostname, port, pathname } = new URL(url);
  let upgraded = false;
  let rest: Buffer | undefined;
  const received = (chunk: Buffer) => {
    let bytes = rest === undefined ? chunk : Buffer.concat([rest, chunk]);
    rest = undefined;
    if (!upgraded) {
      const end = bytes.indexOf('\r\n\r\n');
      if (end < 0) return void (rest = Buffer.from(bytes));
      if (!bytes.subarray(0, 12).toString('latin1').startsWith('HTTP/1.1 101')) {
        socket.destroy(new Error(`upgrade refused: ${bytes.subarray(0, end).toString('latin1')}`));
        return;
      }
      upgraded = true;
      handlers.open();
      bytes = bytes.subarray(end + 4);
    }
    const unread = readFrames(bytes, socket, handlers);
    if (unread !== undefined) rest = Buffer.from(unread);
  };
  const socket = connect({
    host: hostname,
    port: Number(port),
    localAddress,
    onread: {
      buffer: readBuffer,
      callback: (length) => {
        received(readBuffer.subarray(0, length));
        return true; // keep reading
      },
    },
  });
  socket.setNoDelay(true);
  socket.once('connect', () =>
    socket.write(
      `GET ${pathname} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\n` +
        `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
    ),
  );
  socket.once('error', (error) => handlers.closed(error));
  socket.once('close', () => handlers.closed());
  return socket;
}
