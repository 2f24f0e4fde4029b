import { randomUUID } from 'node:crypto';
import { Topics, type EventBus } from '@tidemark/domain';
import { startKafka, type KafkaBroker } from '@tidemark/testkit';
import kafkajs from 'kafkajs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKafkaBus } from '../src/index';
import { describeEventBusContract } from './event-bus.contract';
import type { AnalyticsUpdate, CanonicalEvent } from '@tidemark/schema';
import { analyticsUpdates, blockEvent, freshChainId, ofChain, record, waitFor } from './fixtures';

interface LogLine {
  event?: string;
  offset?: string;
  reason?: string;
}

const lines: LogLine[] = [];
const logger = pino(
  { level: 'warn' },
  { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
);
let broker: KafkaBroker;

beforeAll(async () => {
  const started = Date.now();
  broker = await startKafka();
  console.info(`Kafka broker ready at ${broker.brokers.join(',')} in ${Date.now() - started} ms`);
});
afterAll(async () => {
  await broker?.stop();
});

const makeBus = () =>
  createKafkaBus({ brokers: broker.brokers, clientId: 'contract', partitions: 3, logger });

describeEventBusContract('kafka', makeBus);

describe('Kafka bus', () => {
  const topic = Topics.chainEvents;

  it('dead-letters and logs a message that is not a canonical event, then carries on', async () => {
    const bus: EventBus = await makeBus();
    const chainId = freshChainId();
    const handled: (readonly CanonicalEvent[])[] = [];
    await bus.subscribe({
      topic,
      group: `dead-letter.${randomUUID()}`,
      handler: (events) => record(handled, events),
    });
    const raw = new kafkajs.Kafka({ brokers: broker.brokers, logLevel: kafkajs.logLevel.NOTHING });
    const producer = raw.producer();
    await producer.connect();
    const marker = `not-an-event-${randomUUID()}`;
    await producer.send({
      topic,
      messages: [{ key: String(chainId), value: JSON.stringify({ type: 'Nope', marker }) }],
    });
    await producer.disconnect();
    await bus.publish(topic, [blockEvent(chainId, 1)]);

    await waitFor(
      () => ofChain(handled, chainId).length === 1,
      'the valid event after the bad one arrived',
    );
    expect(lines.some((line) => line.event === 'bus.invalid_message')).toBe(true);
    const deadLetters = await readTopic(raw, 'tidemark.dead-letter.v1', (value) =>
      value.includes(marker),
    );
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]?.headers['tidemark-source-topic']?.toString()).toBe(topic);
    expect(deadLetters[0]?.headers['tidemark-error']?.toString()).toMatch(
      /invalid canonical event/,
    );
    await bus.close();
  });

  it('decodes the analytics topic with its own schema: a canonical event there is dead-lettered', async () => {
    const bus: EventBus = await makeBus();
    const chainId = freshChainId();
    const handled: (readonly AnalyticsUpdate[])[] = [];
    await bus.subscribe({
      topic: Topics.analyticsUpdates,
      group: `updates-dead-letter.${randomUUID()}`,
      handler: (events) => record(handled, events),
    });
    const raw = new kafkajs.Kafka({ brokers: broker.brokers, logLevel: kafkajs.logLevel.NOTHING });
    const producer = raw.producer();
    await producer.connect();
    const stray = blockEvent(chainId, 1);
    await producer.send({
      topic: Topics.analyticsUpdates,
      messages: [{ key: String(chainId), value: JSON.stringify(stray) }],
    });
    await producer.disconnect();
    const updates = analyticsUpdates(chainId, 2);
    await bus.publish(Topics.analyticsUpdates, updates);

    await waitFor(() => ofChain(handled, chainId).length === 2, 'the valid updates arrived');
    expect(ofChain(handled, chainId).map((u) => u.type)).toEqual([
      'CandleUpdatedV1',
      'WalletUpdatedV1',
    ]);
    const deadLetters = await readTopic(raw, 'tidemark.dead-letter.v1', (value) =>
      value.includes(`"chainId":${chainId}`),
    );
    expect(deadLetters[0]?.headers['tidemark-source-topic']?.toString()).toBe(
      Topics.analyticsUpdates,
    );
    expect(deadLetters[0]?.headers['tidemark-error']?.toString()).toMatch(
      /invalid analytics update/,
    );
    await bus.close();
  });

  it('refuses an invalid configuration as not retryable', async () => {
    await expect(createKafkaBus({ brokers: ['no-port-here'], logger })).rejects.toMatchObject({
      name: 'BusConfigError',
      retryable: false,
    });
  });
});

interface RawMessage {
  value: string;
  headers: Record<string, Buffer | undefined>;
}

/** Reads a topic from the start until a message matches (the topic's other content is ignored). */
async function readTopic(
  raw: kafkajs.Kafka,
  name: string,
  match: (value: string) => boolean,
): Promise<RawMessage[]> {
  const found: RawMessage[] = [];
  const consumer = raw.consumer({ groupId: `reader.${randomUUID()}`, maxWaitTimeInMs: 200 });
  await consumer.connect();
  await consumer.subscribe({ topics: [name], fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      const value = message.value?.toString() ?? '';
      if (match(value))
        found.push({ value, headers: message.headers as Record<string, Buffer | undefined> });
      return Promise.resolve();
    },
  });
  try {
    await waitFor(() => found.length > 0, `a matching message on ${name}`);
  } finally {
    await consumer.disconnect();
  }
  return found;
}
