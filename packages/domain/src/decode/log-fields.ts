import { isWord, word } from './abi-words';
import { MalformedLogError, type RawLog } from './raw-log';

/** The first `count` data words of a log; a shorter payload does not fit the signature. */
export function dataWords(log: RawLog, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const w = word(log.data, i);
    if (w === undefined) throw new MalformedLogError(log, `data holds fewer than ${count} words`);
    out.push(w);
  }
  return out;
}

/** The indexed topics after topic0, which must number exactly `count`. */
export function indexedTopics(log: RawLog, count: number): string[] {
  if (log.topics.length !== count + 1 || !log.topics.every(isWord)) {
    throw new MalformedLogError(
      log,
      `expected ${count} indexed topics, got ${log.topics.length - 1}`,
    );
  }
  return log.topics.slice(1);
}
