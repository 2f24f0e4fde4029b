/** Minimal ABI word reading, specialised for static types: much cheaper than a generic decoder. */

const WORD_HEX = 64;

/** The n-th 32-byte word of `data` (0x-prefixed hex) as 64 hex characters, or undefined. */
export function word(data: string, index: number): string | undefined {
  const start = 2 + index * WORD_HEX;
  if (data.length < start + WORD_HEX) return undefined;
  return data.slice(start, start + WORD_HEX);
}

/** An address held in the low 20 bytes of a word, lower-cased. */
export function wordToAddress(hexWord: string): string {
  return `0x${hexWord.slice(24).toLowerCase()}`;
}

/** An unsigned integer word as a decimal string. */
export function wordToUint(hexWord: string): bigint {
  return BigInt(`0x${hexWord}`);
}

/** A topic (0x + 64 hex) holding an indexed address. */
export function topicToAddress(topic: string): string {
  return `0x${topic.slice(26).toLowerCase()}`;
}

export function isWord(topic: string | undefined): topic is string {
  return topic !== undefined && topic.length === 66;
}

/** A signed (two's-complement) integer word: `int24` to `int256` are all sign-extended to 256 bits. */
export function wordToInt(hexWord: string): bigint {
  return BigInt.asIntN(256, BigInt(`0x${hexWord}`));
}
