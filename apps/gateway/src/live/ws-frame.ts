/**
 * One unfragmented RFC 6455 text frame as a server sends it (unmasked), ready for the socket.
 * A shared push builds its frame once and writes the same bytes to every subscriber's socket.
 * Writing next to `ws`'s own frames keeps their order: without permessage-deflate (off on this
 * server) `ws` writes each frame to the socket at once, queueing nothing.
 */
export function textFrame(text: string): Buffer {
  const length = Buffer.byteLength(text);
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.write(text, header, 'utf8');
  return frame;
}
