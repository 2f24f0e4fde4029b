import type { Producer } from 'kafkajs';
import type { Logger } from '../logger';
import type { InvalidMessage } from './message-codec';
import { DEAD_LETTER_TOPIC } from './topics';

export type DeadLetter = (consumer: string, invalid: readonly InvalidMessage[]) => Promise<void>;

/**
 * Invalid messages are logged and copied, untouched, to the dead-letter topic with headers
 * saying where they came from and why they were refused. The caller moves past them only once
 * this resolved, so nothing is dropped silently.
 */
export function createDeadLetter(producer: Producer, logger: Logger): DeadLetter {
  return async (consumer, invalid) => {
    if (invalid.length === 0) return;
    for (const message of invalid) {
      const { topic, partition, offset, reason } = message;
      logger.error(
        {
          event: 'bus.invalid_message',
          topic,
          partition,
          offset,
          consumer,
          reason,
          key: message.key?.toString('utf8'),
        },
        'invalid bus message moved to the dead-letter topic',
      );
    }
    await producer.send({
      topic: DEAD_LETTER_TOPIC,
      acks: -1,
      messages: invalid.map((message) => ({
        key: message.key,
        value: message.value,
        headers: {
          'tidemark-source-topic': message.topic,
          'tidemark-source-partition': String(message.partition),
          'tidemark-source-offset': message.offset,
          'tidemark-consumer': consumer,
          'tidemark-error': message.reason,
        },
      })),
    });
  };
}
