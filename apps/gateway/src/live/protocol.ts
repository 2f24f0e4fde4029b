/**
 * The graphql-transport-ws protocol (graphql-ws's PROTOCOL.md): what a client may send, the close
 * codes, and the frames the server writes. Kept apart from the socket handling so the framing
 * rules live in one place.
 */
export const graphqlTransportWs = 'graphql-transport-ws';

/** Close codes and reasons of PROTOCOL.md (plus 1013 for a subscriber that cannot keep up). */
export const Close = {
  badRequest: { code: 4400, reason: 'Invalid message received' },
  unauthorized: { code: 4401, reason: 'Unauthorized' },
  forbidden: { code: 4403, reason: 'Forbidden' },
  subprotocolNotAcceptable: { code: 4406, reason: 'Subprotocol not acceptable' },
  initTimeout: { code: 4408, reason: 'Connection initialisation timeout' },
  tooManyInits: { code: 4429, reason: 'Too many initialisation requests' },
  internalError: { code: 4500, reason: 'Internal server error' },
  goingAway: { code: 1001, reason: 'Going away' },
} as const;

/** Close code sent to a subscriber that fell too far behind ("try again later"). */
export const slowSubscriberCloseCode = 1013;

export interface SubscribePayload {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

export type ClientMessage =
  | { type: 'connection_init'; payload?: Record<string, unknown> }
  | { type: 'ping'; payload?: Record<string, unknown> }
  | { type: 'pong'; payload?: Record<string, unknown> }
  | { type: 'subscribe'; id: string; payload: SubscribePayload }
  | { type: 'complete'; id: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalRecord = (value: unknown) => value === undefined || value === null || isRecord(value);

function isSubscribePayload(value: unknown): value is SubscribePayload {
  if (!isRecord(value) || typeof value.query !== 'string') return false;
  const name = value.operationName;
  const nameOk = name === undefined || name === null || typeof name === 'string';
  return nameOk && optionalRecord(value.variables) && optionalRecord(value.extensions);
}

const hasId = (
  message: Record<string, unknown>,
): message is Record<string, unknown> & { id: string } =>
  typeof message.id === 'string' && message.id !== '';

/** The message in `text`, or undefined when it breaks the protocol (the caller closes with 4400). */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(message)) return undefined;
  switch (message.type) {
    case 'connection_init':
    case 'ping':
    case 'pong':
      if (!optionalRecord(message.payload)) return undefined;
      return {
        type: message.type,
        ...(isRecord(message.payload) ? { payload: message.payload } : {}),
      };
    case 'subscribe':
      if (!hasId(message) || !isSubscribePayload(message.payload)) return undefined;
      return { type: 'subscribe', id: message.id, payload: message.payload };
    case 'complete':
      return hasId(message) ? { type: 'complete', id: message.id } : undefined;
    default:
      return undefined;
  }
}

/**
 * The start of a `next` frame for operation `id`: the serialized payload and `}` complete it, so a
 * payload serialized once serves every subscriber (only the id differs).
 */
export const nextFramePrefix = (id: string): string =>
  `{"id":${JSON.stringify(id)},"type":"next","payload":`;

export const completeFrame = (id: string): string => JSON.stringify({ id, type: 'complete' });

export const errorFrame = (id: string, errors: readonly unknown[]): string =>
  JSON.stringify({ id, type: 'error', payload: errors });

export const pongFrame = (payload: Record<string, unknown> | undefined): string =>
  JSON.stringify(payload === undefined ? { type: 'pong' } : { type: 'pong', payload });

export const connectionAckFrame = JSON.stringify({ type: 'connection_ack' });
