/** The bus was closed: a new bus (e.g. after a restart) can take the work, so a retry can help. */
export class BusClosedError extends Error {
  readonly retryable = true;
  constructor() {
    super('the event bus is closed');
    this.name = 'BusClosedError';
  }
}

/** A grouped subscriber's handler rejected a batch; publishing it again redelivers it. */
export class DeliveryFailedError extends Error {
  readonly retryable = true;
  constructor(
    readonly group: string,
    cause: unknown,
  ) {
    super(`subscriber group "${group}" failed to handle a batch: ${describe(cause)}`, { cause });
    this.name = 'DeliveryFailedError';
  }
}

/** The Kafka cluster did not take the events (unreachable, not enough replicas, ...). */
export class PublishFailedError extends Error {
  readonly retryable = true;
  constructor(topic: string, cause: unknown) {
    super(`could not publish to ${topic}: ${describe(cause)}`, { cause });
    this.name = 'PublishFailedError';
  }
}

/** The bus configuration is invalid; only fixing it helps. */
export class BusConfigError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'BusConfigError';
  }
}

/** A subscription could not start (e.g. the consumer never joined its group in time). */
export class SubscribeFailedError extends Error {
  readonly retryable = true;
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'SubscribeFailedError';
  }
}

/** The Kafka cluster could not be reached or set up; it may answer later. */
export class BusUnavailableError extends Error {
  readonly retryable = true;
  constructor(brokers: readonly string[], cause: unknown) {
    super(`Kafka is unavailable at ${brokers.join(',')}: ${describe(cause)}`, { cause });
    this.name = 'BusUnavailableError';
  }
}

/** A topic the bus does not carry: only fixing the caller helps. */
export class UnknownTopicError extends Error {
  readonly retryable = false;
  constructor(topic: string, known: readonly string[]) {
    super(`unknown bus topic "${topic}": expected one of ${known.join(', ')}`);
    this.name = 'UnknownTopicError';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
