import { randomUUID } from 'node:crypto';
import { Topics } from '@tidemark/domain';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createInProcessBus } from '../src/index';
import { describeEventBusContract } from './event-bus.contract';
import { blockEvent, freshChainId } from './fixtures';

const logger = pino({ level: 'silent' });

describeEventBusContract('in-process', async () => Promise.resolve(createInProcessBus({ logger })));

describe('in-process bus', () => {
  const topic = Topics.chainEvents;

  it('holds a publish until a group that lost all its members has a member again', async () => {
    const bus = createInProcessBus({ logger });
    const group = `hold.${randomUUID()}`;
    const first = await bus.subscribe({ topic, group, handler: () => Promise.resolve() });
    await first.unsubscribe();
    let published = false;
    const publishing = bus
      .publish(topic, [blockEvent(freshChainId(), 1)])
      .then(() => (published = true));
    await new Promise((next) => setImmediate(next));
    expect(published).toBe(false);

    const handled: number[] = [];
    await bus.subscribe({
      topic,
      group,
      handler: (events) => Promise.resolve(void handled.push(events.length)),
    });
    await publishing;
    expect(handled).toEqual([1]);
    await bus.close();
  });

  it('rejects a held publish as retryable when the bus closes', async () => {
    const bus = createInProcessBus({ logger });
    const group = `closing.${randomUUID()}`;
    await (await bus.subscribe({ topic, group, handler: () => Promise.resolve() })).unsubscribe();
    const publishing = bus.publish(topic, [blockEvent(freshChainId(), 1)]);

    await bus.close();

    await expect(publishing).rejects.toMatchObject({ name: 'BusClosedError', retryable: true });
  });
});
