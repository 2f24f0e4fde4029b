import { topicToAddress, wordToAddress, wordToUint } from './abi-words';
import {
  decodePoolCreatedV3,
  decodeSwapV3,
  type PoolCreatedV3Log,
  type SwapV3Log,
} from './decode-v3';
import { dataWords as words, indexedTopics as indexed } from './log-fields';
import type { RawLog } from './raw-log';
import { EventTopics } from './topics';

export type DecodedLog =
  | { kind: 'transfer'; token: string; from: string; to: string; value: bigint }
  | { kind: 'pairCreated'; factory: string; token0: string; token1: string; pair: string }
  | {
      kind: 'swapV2';
      pool: string;
      sender: string;
      to: string;
      amount0In: bigint;
      amount1In: bigint;
      amount0Out: bigint;
      amount1Out: bigint;
    }
  | { kind: 'syncV2'; pool: string; reserve0: bigint; reserve1: bigint }
  | SwapV3Log
  | PoolCreatedV3Log;

/**
 * Decodes a log of a known event. Returns null for logs Tidemark does not index (other events,
 * ERC-721 transfers whose 4th topic is a token id). Throws MalformedLogError for a known event
 * whose bytes do not fit its signature.
 */
export function decodeLog(log: RawLog): DecodedLog | null {
  const address = log.address.toLowerCase();
  switch (log.topics[0]) {
    case EventTopics.transfer: {
      if (log.topics.length !== 3) return null; // ERC-721 (indexed tokenId) or non-standard
      const [from, to] = indexed(log, 2) as [string, string];
      const [value] = words(log, 1) as [string];
      return {
        kind: 'transfer',
        token: address,
        from: topicToAddress(from),
        to: topicToAddress(to),
        value: wordToUint(value),
      };
    }
    case EventTopics.pairCreated: {
      const [token0, token1] = indexed(log, 2) as [string, string];
      const [pair] = words(log, 2) as [string, string];
      return {
        kind: 'pairCreated',
        factory: address,
        token0: topicToAddress(token0),
        token1: topicToAddress(token1),
        pair: wordToAddress(pair),
      };
    }
    case EventTopics.swapV2: {
      const [sender, to] = indexed(log, 2) as [string, string];
      const [a0in, a1in, a0out, a1out] = words(log, 4) as [string, string, string, string];
      return {
        kind: 'swapV2',
        pool: address,
        sender: topicToAddress(sender),
        to: topicToAddress(to),
        amount0In: wordToUint(a0in),
        amount1In: wordToUint(a1in),
        amount0Out: wordToUint(a0out),
        amount1Out: wordToUint(a1out),
      };
    }
    case EventTopics.syncV2: {
      indexed(log, 0);
      const [r0, r1] = words(log, 2) as [string, string];
      return { kind: 'syncV2', pool: address, reserve0: wordToUint(r0), reserve1: wordToUint(r1) };
    }
    case EventTopics.swapV3:
      return decodeSwapV3(log, address);
    case EventTopics.poolCreatedV3:
      return decodePoolCreatedV3(log, address);
    default:
      return null;
  }
}
