import type { EventBus, SubscribeOptions, Subscription, Topic } from '@tidemark/domain';
import type { CanonicalEvent } from '@tidemark/schema';
import kafkajs, { type Admin, type Producer } from 'kafkajs';
import { BusClosedError, BusUnavailableError, PublishFailedError } from '../errors';
import { defaultLogger, type Logger } from '../logger';
import { codecOf } from '../topic-codecs';
import { parseKafkaBusConfig, type KafkaBusConfig, type KafkaBusConfigInput } from './config';
import { once, type ConsumerContext } from './consumer-context';
import { createDeadLetter } from './dead-letter';
import { startGroupedConsumer } from './grouped-consumer';
import { pinoLogCreator } from './kafkajs-logger';
import { startLiveConsumer } from './live-consumer';
import { chunkMessages } from './chunk-messages';
import { toMessages } from './message-codec';
import { ensureTopics } from './topics';

const { Kafka, Partitioners, logLevel } = kafkajs;

/** The configuration (parsed here, once) and the logger the bus and kafkajs log to. */
export type KafkaBusOptions = KafkaBusConfigInput & { logger?: Logger };

/**
 * The event bus on Apache Kafka. Resolves once the brokers answered, the bus topics exist and
 * the producer is connected. `publish` resolves once every in-sync replica has the events.
 */
export async function createKafkaBus(options: KafkaBusOptions): Promise<EventBus> {
  const { logger: givenLogger, ...input } = options;
  const config = parseKafkaBusConfig(input);
  const logger = givenLogger ?? defaultLogger();
  const kafka = new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    logLevel: logLevel.WARN,
    logCreator: pinoLogCreator(logger),
  });
  const admin = kafka.admin();
  // Idempotent with one request in flight: retries never duplicate or reorder a chain's events.
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await connect(config, admin, producer);
  const context: ConsumerContext = {
    kafka,
    admin,
    clientId: config.clientId,
    deadLetter: createDeadLetter(producer, logger),
    logger,
  };
  return kafkaBus(context, producer);
}

async function connect(config: KafkaBusConfig, admin: Admin, producer: Producer): Promise<void> {
  try {
    await admin.connect();
    await ensureTopics(admin, config.partitions);
    await producer.connect();
  } catch (error) {
    await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
    throw new BusUnavailableError(config.brokers, error);
  }
}

function kafkaBus(context: ConsumerContext, producer: Producer): EventBus {
  const open = new Set<Subscription>();
  let closed = false;

  const start = <T extends Topic>(options: SubscribeOptions<T>): Promise<Subscription> =>
    options.group === undefined
      ? startLiveConsumer(context, options.topic, options.handler)
      : startGroupedConsumer(context, options.topic, options.group, options.handler);

  return {
    async publish(topic, events) {
      if (closed) throw new BusClosedError();
      if (events.length === 0) return;
      // Every topic's records are packed alike: only each event's chainId and JSON form count.
      const messages = toMessages(codecOf(topic).validate(events) as readonly CanonicalEvent[]);
      try {
        // Sequential sends of an idempotent producer keep the chain's order across chunks.
        for (const chunk of chunkMessages(messages))
          await producer.send({ topic, acks: -1, messages: chunk });
      } catch (error) {
        throw new PublishFailedError(topic, error);
      }
    },
    async subscribe(options) {
      if (closed) throw new BusClosedError();
      const inner = await start(options);
      const subscription: Subscription = {
        unsubscribe: once(async () => {
          open.delete(subscription);
          await inner.unsubscribe();
        }),
      };
      open.add(subscription);
      if (closed) {
        await subscription.unsubscribe();
        throw new BusClosedError();
      }
      return subscription;
    },
    close: once(async () => {
      closed = true;
      await Promise.allSettled([...open].map((subscription) => subscription.unsubscribe()));
      await producer.disconnect();
      await context.admin.disconnect();
    }),
  };
}
