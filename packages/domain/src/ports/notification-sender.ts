import type { UnixTime } from '../primitives';

/** The kinds of delivery the product offers: a Telegram bot, a signed webhook, the dashboard. */
export type NotificationChannel = 'telegram' | 'webhook' | 'in-app';

/**
 * Where a notification goes. `address` is the channel's own form of a recipient (a Telegram chat
 * id, an HTTPS URL, a user id). A sender that does not handle the channel answers with a permanent
 * failure rather than guessing.
 */
export interface NotificationDestination {
  channel: NotificationChannel;
  address: string;
}

/** The text to deliver, already rendered: senders format nothing, they only carry it. */
export interface RenderedMessage {
  /** One line: a chat message's title, a webhook payload's summary. */
  subject: string;
  /** Plain text; channels without a separate subject show it after the subject. */
  body: string;
}

/** One notification to deliver to one destination. */
export interface Notification {
  /**
   * Stable for the life of the notification: the same event for the same rule and destination
   * always gets the same id, and every retry sends it again. Senders pass it on as the channel's
   * idempotency key where the channel has one, so a retry after a lost answer is not delivered
   * twice.
   */
  id: string;
  destination: NotificationDestination;
  message: RenderedMessage;
  /** When the event that caused it happened (not when it is sent). */
  occurredAt: UnixTime;
}

/**
 * The outcome of one attempt. `retryable`: nothing says the notification arrived, and the same
 * attempt may succeed later (a timeout, a 5xx or 429 answer, a refused connection, the
 * destination's rate limit). `permanent`: sending it again would fail the same way (a channel this
 * sender does not handle, a rejected address, a 4xx answer other than 429), so the caller gives up
 * and records why.
 */
export type DeliveryResult =
  | { status: 'delivered' }
  | {
      status: 'retryable';
      reason: string;
      /** The channel's own hint (e.g. HTTP `Retry-After`) in milliseconds; null: caller's backoff. */
      retryAfterMs: number | null;
    }
  | { status: 'permanent'; reason: string };

/**
 * Delivers rendered notifications over one or more channels. The caller (the alerts role's
 * delivery worker, draining its outbox) decides what to send and when to retry; the sender makes
 * one attempt per call.
 */
export interface NotificationSender {
  /**
   * One delivery attempt. Every failure of the channel is a `DeliveryResult`, never a rejection,
   * so callers handle each outcome in one place; a rejection means a bug (e.g. a malformed
   * notification) and is not retried.
   */
  send(notification: Notification): Promise<DeliveryResult>;
}
