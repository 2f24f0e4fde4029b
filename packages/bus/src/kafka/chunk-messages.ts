import type { Message } from 'kafkajs';

/**
 * Under the broker's default message.max.bytes (1 MiB), which bounds one record batch: a
 * publish of a wide block range is sent as several batches, one after another, in order.
 */
const MAX_SEND_BYTES = 768 * 1024;
const PER_MESSAGE_OVERHEAD = 64;

/** Splits messages into consecutive runs whose encoded size stays under `maxBytes`. */
export function chunkMessages(
  messages: readonly Message[],
  maxBytes = MAX_SEND_BYTES,
): Message[][] {
  const chunks: Message[][] = [];
  let current: Message[] = [];
  let size = 0;
  for (const message of messages) {
    const bytes =
      PER_MESSAGE_OVERHEAD +
      (typeof message.value === 'string'
        ? Buffer.byteLength(message.value)
        : (message.value?.length ?? 0));
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(message);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
