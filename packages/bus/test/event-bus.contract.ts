import { randomUUID } from 'node:crypto';
import { Topics, type EventBus, type Subscription } from '@tidemark/domain';
import type { AnalyticsUpdate, CanonicalEvent } from '@tidemark/schema';
import { afterEach, describe, expect, it } from 'vitest';
import {
  analyticsUpdates,
  blockEvent,
  freshChainId,
  ofChain,
  oneOfEachType,
  record,
  waitFor,
} from './fixtures';

const topic = Topics.chainEvents;
type Batches = (readonly CanonicalEvent[])[];

const numbers = (events: readonly CanonicalEvent[]) =>
  events.map((event) => (event.type === 'ReorgV1' ? event.ancestor.number : event.blockNumber));
const uniqueGroup = (purpose: string) => `contract.${purpose}.${randomUUID()}`;

/**
 * The behaviour every EventBus adapter must show. Tests may share one broker, so each uses its
 * own chain ids and groups and looks only at its own chain's events.
 */
export function describeEventBusContract(name: string, makeBus: () => Promise<EventBus>): void {
  describe(`EventBus contract: ${name}`, () => {
    const buses: EventBus[] = [];
    const open = async () => {
      const bus = await makeBus();
      buses.push(bus);
      return bus;
    };
    const recorder = (bus: EventBus, group?: string) => {
      const batches: Batches = [];
      const subscribed = bus.subscribe({
        topic,
        group,
        handler: (events) => record(batches, events),
      });
      return { batches, subscribed };
    };

    afterEach(async () => {
      await Promise.all(buses.splice(0).map((bus) => bus.close()));
    });

    it('delivers every event type unchanged to grouped subscribers and live listeners', async () => {
      const bus = await open();
      const grouped = recorder(bus, uniqueGroup('round-trip'));
      const live = recorder(bus);
      await Promise.all([grouped.subscribed, live.subscribed]);
      const chainId = freshChainId();
      const events = oneOfEachType(chainId, 7);
      expect(new Set(events.map((event) => event.type)).size).toBe(5);

      await bus.publish(topic, events);

      await waitFor(
        () => ofChain(grouped.batches, chainId).length >= 5,
        'grouped subscriber got all types',
      );
      await waitFor(
        () => ofChain(live.batches, chainId).length >= 5,
        'live listener got all types',
      );
      expect(ofChain(grouped.batches, chainId)).toEqual(events);
      expect(ofChain(live.batches, chainId)).toEqual(events);
    });

    it("keeps each chain's events in publish order", async () => {
      const bus = await open();
      const grouped = recorder(bus, uniqueGroup('order'));
      const live = recorder(bus);
      await Promise.all([grouped.subscribed, live.subscribed]);
      const [a, b] = [freshChainId(), freshChainId()];
      const expectedA: number[] = [];
      const expectedB: number[] = [];
      for (let n = 1; n <= 12; n++) {
        expectedA.push(2 * n, 2 * n + 1);
        expectedB.push(n);
        await bus.publish(topic, [
          blockEvent(a, 2 * n),
          blockEvent(b, n),
          blockEvent(a, 2 * n + 1),
        ]);
      }

      for (const { batches } of [grouped, live]) {
        await waitFor(
          () => ofChain(batches, a).length >= 24 && ofChain(batches, b).length >= 12,
          'all events arrived',
        );
        expect(numbers(ofChain(batches, a))).toEqual(expectedA);
        expect(numbers(ofChain(batches, b))).toEqual(expectedB);
      }
    });

    it('resumes a re-subscribing group after its last handled batch, losing and replaying nothing', async () => {
      const bus = await open();
      const group = uniqueGroup('resume');
      const chainId = freshChainId();
      const first = recorder(bus, group);
      const firstSubscription = await first.subscribed;
      await bus.publish(topic, [blockEvent(chainId, 1), blockEvent(chainId, 2)]);
      await waitFor(
        () => ofChain(first.batches, chainId).length === 2,
        'first member handled the batch',
      );
      await firstSubscription.unsubscribe();

      // Published while the group has no member: it must be waiting for the group when it returns.
      const publishing = bus.publish(topic, [blockEvent(chainId, 3)]);
      const second = recorder(bus, group);
      await second.subscribed;
      await publishing;

      await waitFor(
        () => ofChain(second.batches, chainId).length >= 1,
        'returning member got the new batch',
      );
      expect(numbers(ofChain(second.batches, chainId))).toEqual([3]);
      expect(numbers(ofChain(first.batches, chainId))).toEqual([1, 2]);
    });

    it('delivers a batch again after the grouped handler failed on it', async () => {
      const bus = await open();
      const chainId = freshChainId();
      const events = [blockEvent(chainId, 1), blockEvent(chainId, 2)];
      const handled: Batches = [];
      let failures = 0;
      await bus.subscribe({
        topic,
        group: uniqueGroup('retry'),
        handler: (batch) => {
          const mine = ofChain([batch], chainId);
          if (mine.length === 0) return Promise.resolve();
          if (failures === 0) {
            failures += 1;
            return Promise.reject(new Error('handler failed on purpose'));
          }
          return record(handled, mine);
        },
      });

      // A publisher that learns of the failure keeps its cursor and publishes again.
      await bus.publish(topic, events).catch(async (error: unknown) => {
        expect(error).toMatchObject({ retryable: true });
        await bus.publish(topic, events);
      });

      await waitFor(() => ofChain(handled, chainId).length >= 2, 'the batch came back');
      expect(failures).toBe(1);
      expect(ofChain(handled, chainId)).toEqual(events);
    });

    it('gives every live listener all events published after it subscribed, and none before', async () => {
      const bus = await open();
      const chainId = freshChainId();
      await bus.publish(topic, [blockEvent(chainId, 1), blockEvent(chainId, 2)]);
      const listeners = [recorder(bus), recorder(bus)];
      const failing = await bus.subscribe({
        topic,
        handler: async () => Promise.reject(new Error('listener failed on purpose')),
      });
      await Promise.all(listeners.map((listener) => listener.subscribed));

      await bus.publish(topic, [blockEvent(chainId, 3)]);
      await bus.publish(topic, [blockEvent(chainId, 4), blockEvent(chainId, 5)]);

      for (const { batches } of listeners) {
        await waitFor(() => ofChain(batches, chainId).length >= 3, 'listener got the later events');
        expect(numbers(ofChain(batches, chainId))).toEqual([3, 4, 5]);
      }
      await failing.unsubscribe();
    });

    it('stops delivery on unsubscribe, once the running handler call has finished', async () => {
      const bus = await open();
      const chainId = freshChainId();
      const seen: Batches = [];
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      let finished = false;
      const subscription: Subscription = await bus.subscribe({
        topic,
        handler: async (events) => {
          if (ofChain([events], chainId).length === 0) return;
          seen.push(events);
          await gate;
          finished = true;
        },
      });
      const publishing = bus.publish(topic, [blockEvent(chainId, 1)]);
      await waitFor(() => seen.length === 1, 'the handler started');

      let unsubscribed = false;
      const unsubscribing = subscription.unsubscribe().then(() => (unsubscribed = true));
      await new Promise((next) => setImmediate(next));
      expect(unsubscribed).toBe(false);
      release();
      await unsubscribing;
      expect(finished).toBe(true);
      await publishing;

      const later = recorder(bus);
      await later.subscribed;
      await bus.publish(topic, [blockEvent(chainId, 2)]);
      await waitFor(
        () => ofChain(later.batches, chainId).length === 1,
        'a new listener got the later event',
      );
      expect(numbers(ofChain(seen, chainId))).toEqual([1]);
    });

    it('refuses an invalid event without delivering anything', async () => {
      const bus = await open();
      const chainId = freshChainId();
      const live = recorder(bus);
      await live.subscribed;
      const bad = { ...blockEvent(chainId, 1), blockHash: '0x1234' } as CanonicalEvent;

      await expect(bus.publish(topic, [blockEvent(chainId, 2), bad])).rejects.toMatchObject({
        name: 'InvalidEventError',
        retryable: false,
      });
      await bus.publish(topic, [blockEvent(chainId, 3)]);
      await waitFor(() => ofChain(live.batches, chainId).length >= 1, 'the valid event arrived');
      expect(numbers(ofChain(live.batches, chainId))).toEqual([3]);
    });

    it('carries analytics updates on their own topic, validated and normalised, apart from chain events', async () => {
      const bus = await open();
      const updatesTopic = Topics.analyticsUpdates;
      const grouped: AnalyticsUpdate[][] = [];
      const live: AnalyticsUpdate[][] = [];
      const chainListener = recorder(bus);
      await Promise.all([
        bus.subscribe({
          topic: updatesTopic,
          group: uniqueGroup('updates'),
          handler: (events) => record(grouped, events),
        }),
        bus.subscribe({ topic: updatesTopic, handler: (events) => record(live, events) }),
        chainListener.subscribed,
      ]);
      const chainId = freshChainId();
      const updates = analyticsUpdates(chainId, 9);

      await bus.publish(updatesTopic, updates);
      await bus.publish(topic, [blockEvent(chainId, 9)]);

      const normalised = updates.map((update) =>
        update.type === 'CandleUpdatedV1'
          ? { ...update, pool: update.pool.toLowerCase() }
          : { ...update, wallet: update.wallet.toLowerCase() },
      );
      for (const batches of [grouped, live]) {
        await waitFor(() => ofChain(batches, chainId).length >= 2, 'both updates arrived');
        expect(ofChain(batches, chainId)).toEqual(normalised);
      }
      await waitFor(() => ofChain(chainListener.batches, chainId).length >= 1, 'the block arrived');
      expect(numbers(ofChain(chainListener.batches, chainId))).toEqual([9]);
      expect(ofChain(grouped, chainId)).toHaveLength(2);
    });

    it("refuses on the analytics topic what that topic's schema refuses, canonical events included", async () => {
      const bus = await open();
      const chainId = freshChainId();
      const live: AnalyticsUpdate[][] = [];
      await bus.subscribe({
        topic: Topics.analyticsUpdates,
        handler: (events) => record(live, events),
      });
      const [candle, wallet] = analyticsUpdates(chainId, 3);
      if (candle?.type !== 'CandleUpdatedV1' || wallet === undefined) throw new Error('fixtures');
      const floatMoney = { ...candle, volumeUsd: 1.5 } as unknown as AnalyticsUpdate;
      const canonical = blockEvent(chainId, 3) as unknown as AnalyticsUpdate;

      for (const bad of [floatMoney, canonical])
        await expect(bus.publish(Topics.analyticsUpdates, [wallet, bad])).rejects.toMatchObject({
          name: 'InvalidEventError',
          retryable: false,
          message: expect.stringMatching(/invalid analytics update/) as unknown,
        });
      await bus.publish(Topics.analyticsUpdates, [candle]);
      await waitFor(() => ofChain(live, chainId).length >= 1, 'the valid update arrived');
      expect(ofChain(live, chainId).map((update) => update.type)).toEqual(['CandleUpdatedV1']);
    });

    it('closes cleanly: running subscriptions end and further use is refused as retryable', async () => {
      const bus = await makeBus();
      const chainId = freshChainId();
      const grouped = recorder(bus, uniqueGroup('close'));
      const live = recorder(bus);
      await Promise.all([grouped.subscribed, live.subscribed]);
      await bus.publish(topic, [blockEvent(chainId, 1)]);
      await waitFor(() => ofChain(grouped.batches, chainId).length === 1, 'grouped got the event');
      await waitFor(() => ofChain(live.batches, chainId).length === 1, 'live got the event');

      await bus.close();
      await bus.close();

      await expect(bus.publish(topic, [blockEvent(chainId, 2)])).rejects.toMatchObject({
        retryable: true,
      });
      await expect(
        bus.subscribe({ topic, handler: () => Promise.resolve() }),
      ).rejects.toMatchObject({ retryable: true });
    });
  });
}
