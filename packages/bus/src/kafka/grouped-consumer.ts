import type { BatchHandler, Subscription, Topic, TopicEvent } from '@tidemark/domain';
import type { EachBatchPayload } from 'kafkajs';
import { MAX_FETCH_WAIT_MS, once, runUntilJoined, type ConsumerContext } from './consumer-context';
import { decodeBatch, nextOffset } from './message-codec';
import { codecOf } from '../topic-codecs';

/** Bytes fetched per partition at once: about 20,000 events. */
const GROUP_FETCH_BYTES = 8 * 1024 * 1024;

/**
 * A member of a consumer group: the group splits the partitions among its members and resumes
 * from its committed offsets. A new group starts from the oldest retained event, so a consumer
 * deployed after the producer still sees everything.
 */
export async function startGroupedConsumer<T extends Topic>(
  ctx: ConsumerContext,
  topic: T,
  group: string,
  handler: BatchHandler<TopicEvent<T>>,
): Promise<Subscription> {
  const consumer = ctx.kafka.consumer({
    groupId: group,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: MAX_FETCH_WAIT_MS,
    // Large fetches make large sink batches (few big ClickHouse inserts) during a backfill.
    maxBytesPerPartition: GROUP_FETCH_BYTES,
    maxBytes: GROUP_FETCH_BYTES * 4,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await runUntilJoined(consumer, {
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => handleBatch(ctx, topic, group, handler, payload),
    });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw error;
  }
  // disconnect() waits for the running batch, then leaves the group.
  return { unsubscribe: once(() => consumer.disconnect()) };
}

/**
 * Handles the batch, then commits past it: at least once. If the handler (or the dead-letter
 * write) fails, nothing is resolved or committed and kafkajs fetches the same batch again.
 */
async function handleBatch<T extends Topic>(
  ctx: ConsumerContext,
  topic: T,
  group: string,
  handler: BatchHandler<TopicEvent<T>>,
  payload: EachBatchPayload,
): Promise<void> {
  const { batch } = payload;
  if (!payload.isRunning() || payload.isStale()) return;
  const { events, invalid } = decodeBatch(batch, codecOf(topic).check);
  await ctx.deadLetter(group, invalid);
  if (events.length > 0) {
    try {
      await handler(events);
    } catch (err) {
      const { topic, partition } = batch;
      ctx.logger.warn(
        {
          event: 'bus.handler_failed',
          group,
          topic,
          partition,
          offset: batch.firstOffset(),
          chainId: events[0]?.chainId,
          err,
        },
        'a grouped subscriber failed to handle a batch; it will be delivered again',
      );
      throw err;
    }
  }
  const last = batch.lastOffset();
  payload.resolveOffset(last);
  await payload.commitOffsetsIfNecessary({
    topics: [
      {
        topic: batch.topic,
        partitions: [{ partition: batch.partition, offset: nextOffset(last) }],
      },
    ],
  });
}
