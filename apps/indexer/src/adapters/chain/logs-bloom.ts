import { hexToBytes, keccak256, type Hex } from 'viem';

const BLOOM_BYTES = 256;

/**
 * Whether a block's 2048-bit logsBloom may contain `value` (a topic or an address): the three
 * 11-bit slices of keccak256(value) must all be set (Yellow Paper, "M3:2048"). False means the
 * block certainly has no log with it; true may be a false positive.
 */
export function bloomMayContain(logsBloom: string, value: string): boolean {
  const bloom = hexToBytes(logsBloom as Hex);
  if (bloom.length !== BLOOM_BYTES) return true; // unreadable: assume present, so we double-check
  const hash = hexToBytes(keccak256(value as Hex));
  for (let i = 0; i < 6; i += 2) {
    const bit = (((hash[i] ?? 0) << 8) | (hash[i + 1] ?? 0)) & 2047;
    const byte = bloom[BLOOM_BYTES - 1 - (bit >> 3)] ?? 0;
    if ((byte & (1 << (bit & 7))) === 0) return false;
  }
  return true;
}

/** Whether the bloom says any of `topics` may appear in the block. */
export function bloomMayContainAny(logsBloom: string, topics: readonly string[]): boolean {
  return topics.some((topic) => bloomMayContain(logsBloom, topic));
}
