import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BatchHandler, Subscription, Topic, TopicEvent } from '@tidemark/domain';
import type { Admin, EachBatchPayload } from 'kafkajs';
import { MAX_FETCH_WAIT_MS, once, runUntilJoined, type ConsumerContext } from './consumer-context';
import { decodeBatch, nextOffset } from './message-codec';
import { codecOf } from '../topic-codecs';

type Positions = Map<number, string>;

const END_ATTEMPTS = 10;

/**
 * The end offset of each partition. Right after a topic is created its leaders may not serve
 * offset requests yet (NOT_LEADER_FOR_PARTITION, retriable): asked again after a short backoff.
 */
export async function topicEnds(admin: Pick<Admin, 'fetchTopicOffsets'>, topic: string) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      const retriable = (error as { retriable?: unknown }).retriable === true;
      if (!retriable || attempt >= END_ATTEMPTS) throw error;
      await sleep(100 * attempt);
    }
  }
}

/**
 * A live listener (e.g. one gateway replica). It has a consumer group of its own, so every
 * replica sees every event, and it commits nothing. Its start is pinned to the end of each
 * partition as read before subscribe resolves: whatever is published afterwards is seen, however
 * long the group join takes. Positions live in memory only and are re-applied after any re-join.
 */
export async function startLiveConsumer<T extends Topic>(
  ctx: ConsumerContext,
  topic: T,
  handler: BatchHandler<TopicEvent<T>>,
): Promise<Subscription> {
  const groupId = `${ctx.clientId}.live.${randomUUID()}`;
  const ends = await topicEnds(ctx.admin, topic);
  const positions: Positions = new Map(ends.map(({ partition, high }) => [partition, high]));
  const consumer = ctx.kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: MAX_FETCH_WAIT_MS,
  });
  // The join event fires before the first fetch, so these seeks decide where fetching starts.
  consumer.on(consumer.events.GROUP_JOIN, () => {
    for (const [partition, offset] of positions) consumer.seek({ topic, partition, offset });
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    await runUntilJoined(consumer, {
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => handleBatch(ctx, topic, handler, positions, payload),
    });
  } catch (error) {
    await consumer.disconnect().catch(() => undefined);
    throw error;
  }
  const unsubscribe = async (): Promise<void> => {
    await consumer.disconnect();
    // The group never held a position; deleting it just keeps the cluster tidy.
    await ctx.admin.deleteGroups([groupId]).catch((err: unknown) => {
      ctx.logger.debug(
        { event: 'bus.live_group_cleanup_failed', groupId, err },
        'could not delete a live listener group',
      );
    });
  };
  return { unsubscribe: once(unsubscribe) };
}

/**
 * A failing handler is logged and skipped: live listeners are best effort and must not stall.
 * Invalid messages are logged here; the grouped consumers, which own positions, dead-letter them.
 */
async function handleBatch<T extends Topic>(
  ctx: ConsumerContext,
  topic: T,
  handler: BatchHandler<TopicEvent<T>>,
  positions: Positions,
  payload: EachBatchPayload,
): Promise<void> {
  const { batch } = payload;
  if (!payload.isRunning() || payload.isStale()) return;
  const { partition } = batch;
  const { events, invalid } = decodeBatch(batch, codecOf(topic).check);
  for (const { offset, reason } of invalid) {
    ctx.logger.error(
      { event: 'bus.invalid_message', topic, partition, offset, consumer: 'live', reason },
      'invalid bus message skipped by a live listener',
    );
  }
  if (events.length > 0) {
    try {
      await handler(events);
    } catch (err) {
      ctx.logger.error(
        { event: 'bus.listener_failed', topic, partition, chainId: events[0]?.chainId, err },
        'a live listener failed to handle a batch; it will not see that batch again',
      );
    }
  }
  positions.set(partition, nextOffset(batch.lastOffset()));
  payload.resolveOffset(batch.lastOffset());
}
