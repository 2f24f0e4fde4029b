import { describe, expect, it } from 'vitest';
import { chunkMessages } from '../src/kafka/chunk-messages';

describe('chunkMessages', () => {
  it('splits a large publish into in-order runs under the size limit', () => {
    const messages = Array.from({ length: 1000 }, (_, i) => ({
      key: '1',
      value: `${i}`.padEnd(900),
    }));
    const chunks = chunkMessages(messages, 100_000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.flat()).toEqual(messages);
    for (const chunk of chunks)
      expect(
        chunk.reduce((n, m) => n + Buffer.byteLength(String(m.value)) + 64, 0),
      ).toBeLessThanOrEqual(100_000);
  });

  it('keeps a single oversized message in a chunk of its own rather than dropping it', () => {
    const big = { key: '1', value: 'x'.repeat(200_000) };
    expect(chunkMessages([{ key: '1', value: 'a' }, big], 100_000)).toEqual([
      [{ key: '1', value: 'a' }],
      [big],
    ]);
  });
});
