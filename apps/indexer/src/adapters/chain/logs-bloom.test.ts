import { readFileSync } from 'node:fs';
import { keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { bloomMayContain, bloomMayContainAny } from './logs-bloom';

const folder = new URL(
  '../../../../../../shared/fixtures/mainnet/blocks_17179063_17179063/',
  import.meta.url,
);
const lines = (file: string) =>
  readFileSync(new URL(file, folder), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('bloomMayContain on mainnet block 17179063', () => {
  const block = lines('expected_blocks.json')[0] as { logs_bloom: string };
  const logs = lines('expected_logs.json') as { address: string; topics: string | string[] }[];
  const topicsOf = (l: { topics: string | string[] }) =>
    Array.isArray(l.topics) ? l.topics : l.topics.split(',').filter((t) => t !== '');

  it('finds every address and topic of every log of the block', () => {
    expect(logs.length).toBeGreaterThan(1000);
    for (const log of logs) {
      expect(bloomMayContain(block.logs_bloom, log.address)).toBe(true);
      for (const topic of topicsOf(log))
        expect(bloomMayContain(block.logs_bloom, topic)).toBe(true);
    }
  });

  it('rules out values the block does not have', () => {
    const random = Array.from({ length: 200 }, (_, i) => keccak256(toHex(`absent-${i}`)));
    const maybe = random.filter((t) => bloomMayContain(block.logs_bloom, t));
    expect(maybe.length).toBeLessThan(random.length);
    const empty = `0x${'00'.repeat(256)}`;
    expect(bloomMayContainAny(empty, random)).toBe(false);
  });
});
