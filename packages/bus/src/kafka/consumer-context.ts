import type { Admin, Consumer, ConsumerRunConfig, Kafka } from 'kafkajs';
import { SubscribeFailedError } from '../errors';
import type { Logger } from '../logger';
import type { DeadLetter } from './dead-letter';

/** What every consumer of one bus shares. */
export interface ConsumerContext {
  kafka: Kafka;
  admin: Admin;
  clientId: string;
  deadLetter: DeadLetter;
  logger: Logger;
}

/** How long a fetch waits on the broker for new messages; bounds how long a stop can take. */
export const MAX_FETCH_WAIT_MS = 1_000;
const JOIN_TIMEOUT_MS = 60_000;

/**
 * Starts the consumer and resolves once it has joined its group and been given its partitions,
 * i.e. once it is really consuming; kafkajs's `run` alone can return before that.
 */
export async function runUntilJoined(consumer: Consumer, config: ConsumerRunConfig): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let stopListening: (() => void) | undefined;
  const joined = new Promise<void>((resolve, reject) => {
    stopListening = consumer.on(consumer.events.GROUP_JOIN, () => resolve());
    timer = setTimeout(
      () =>
        reject(
          new SubscribeFailedError(
            `the consumer did not join its group within ${JOIN_TIMEOUT_MS} ms`,
          ),
        ),
      JOIN_TIMEOUT_MS,
    );
  });
  try {
    await consumer.run(config);
    await joined;
  } finally {
    clearTimeout(timer);
    stopListening?.();
  }
}

/** Makes a teardown safe to call more than once; every call waits for the same run. */
export function once(teardown: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= teardown());
}
