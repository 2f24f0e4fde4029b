import { CanonicalEvent } from './canonical-events';

export class InvalidEventError extends Error {
  /** Retrying cannot help: the payload itself is wrong. */
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

/** Validates an untrusted value (e.g. a decoded bus message) as a canonical event. */
export function parseEvent(value: unknown): CanonicalEvent {
  const result = CanonicalEvent.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    throw new InvalidEventError(
      `invalid canonical event at ${where}: ${issue?.message ?? 'unknown'}`,
    );
  }
  return result.data;
}

/** Serialises an event for the wire (bus messages, subscriptions). */
export function encodeEvent(event: CanonicalEvent): string {
  return JSON.stringify(event);
}

export function decodeEvent(text: string): CanonicalEvent {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidEventError('invalid canonical event: not JSON');
  }
  return parseEvent(value);
}

/** The natural key of an event: the same event delivered twice has the same key. */
export function eventId(event: CanonicalEvent): string {
  switch (event.type) {
    case 'BlockV1':
      return `${event.chainId}:${event.blockHash}`;
    case 'TransferV1':
    case 'PoolCreatedV1':
    case 'PoolSyncedV1':
    case 'TradeExecutedV1':
      return `${event.chainId}:${event.blockHash}:${event.txHash}:${event.logIndex}`;
    case 'ReorgV1':
      return `${event.chainId}:reorg:${event.ancestor.hash}:${event.orphaned.at(-1)?.hash ?? ''}`;
    default: {
      const never: never = event;
      throw new Error(`unknown event ${JSON.stringify(never)}`);
    }
  }
}
