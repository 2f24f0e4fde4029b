import type {
  BatchHandler,
  BusEvent,
  EventBus,
  SubscribeOptions,
  Subscription,
  Topic,
} from '@tidemark/domain';
import { BusClosedError } from '../errors';
import { defaultLogger, type Logger } from '../logger';
import { codecOf } from '../topic-codecs';
import { GroupQueue } from './group-queue';
import { createLiveListener, type LiveListener } from './live-listener';

export interface InProcessBusOptions {
  logger?: Logger;
}

interface TopicRoutes {
  groups: Map<string, GroupQueue>;
  listeners: Set<LiveListener>;
}

/**
 * The embedded event bus: subscribers run in this process. `publish` resolves once one member
 * of every group that has subscribed so far, and every live listener, handled the batch. A group
 * whose members all left keeps receiving: its batches wait (and `publish` with them) until a
 * member joins again, so a re-subscribing group loses nothing. Events published before a group
 * first subscribed are not kept.
 */
export function createInProcessBus(options: InProcessBusOptions = {}): EventBus {
  const logger = options.logger ?? defaultLogger();
  const routes = new Map<Topic, TopicRoutes>();
  let closed = false;

  const routesOf = (topic: Topic): TopicRoutes => {
    let found = routes.get(topic);
    if (found === undefined) {
      found = { groups: new Map(), listeners: new Set() };
      routes.set(topic, found);
    }
    return found;
  };

  return {
    async publish(topic, events) {
      if (closed) throw new BusClosedError();
      if (events.length === 0) return;
      await deliverToAll(routesOf(topic), codecOf(topic).validate(events));
    },
    async subscribe(subscription) {
      if (closed) throw new BusClosedError();
      return Promise.resolve(attach(routesOf(subscription.topic), subscription, logger));
    },
    async close() {
      if (closed) return;
      closed = true;
      const all = [...routes.values()];
      routes.clear();
      await Promise.all(
        all.flatMap(({ groups, listeners }) => [
          ...[...groups.values()].map((queue) => queue.drain(new BusClosedError())),
          ...[...listeners].map((listener) => listener.stop()),
        ]),
      );
    },
  };
}

async function deliverToAll(routes: TopicRoutes, events: readonly BusEvent[]): Promise<void> {
  // Enqueued synchronously, in publish order, so every subscriber sees batches in that order.
  const grouped = [...routes.groups.values()].map((queue) => queue.enqueue(events));
  const live = [...routes.listeners].map((listener) => listener.deliver(events));
  const results = await Promise.allSettled([...grouped, ...live]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}

function attach<T extends Topic>(
  routes: TopicRoutes,
  options: SubscribeOptions<T>,
  logger: Logger,
): Subscription {
  const { group, topic } = options;
  // The topic's routes only ever carry that topic's events.
  const handler = options.handler as BatchHandler<BusEvent>;
  if (group === undefined) {
    const listener = createLiveListener(topic, handler, logger);
    routes.listeners.add(listener);
    return {
      async unsubscribe() {
        routes.listeners.delete(listener);
        await listener.stop();
      },
    };
  }
  let queue = routes.groups.get(group);
  if (queue === undefined) {
    queue = new GroupQueue(group);
    routes.groups.set(group, queue);
  }
  const member = queue.join(handler);
  const joined = queue;
  return { unsubscribe: () => joined.leave(member) };
}
