import type { Logger } from 'pino';
import type { LiveContext } from '../context';

/**
 * What a fan-out calls when a subscriber is too slow for its queue: log it, then close the
 * subscriber's connection (it may reconnect, then re-query).
 */
export function dropSlowSubscriber(
  logger: Logger,
  context: LiveContext,
  fields: Record<string, unknown>,
  message: string,
): () => void {
  return () => {
    logger.warn({ event: 'live.subscriber_dropped', ...fields }, message);
    context.dropConnection('subscriber too slow');
  };
}
