import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ExecutionArgs, GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { isGraphQLError, publicErrors } from '../graphql/errors';
import type { Protection } from '../graphql/protection';
import type { LiveContext } from '../graphql/resolvers';
import { clientAddress } from '../limits/client-address';
import { operationCost } from '../limits/operation-cost';
import { ipSubject, type RateLimit } from '../limits/rate-limit';

/** Close code sent to a subscriber that fell too far behind ("try again later"). */
export const slowSubscriberCloseCode = 1013;
/** A dropped subscriber that does not finish the close handshake is cut off after this long. */
const terminateAfterMs = 2000;

function dropConnection(socket: WebSocket, reason: string): void {
  if (socket.readyState === socket.CLOSING || socket.readyState === socket.CLOSED) return;
  socket.close(slowSubscriberCloseCode, reason);
  // A reader too slow for its queue is likely too slow to answer the close frame as well.
  setTimeout(() => socket.terminate(), terminateAfterMs).unref();
}

export interface SubscriptionServer {
  dispose(): Promise<void>;
}

/** What an operation over graphql-ws must pass, as over HTTP. */
export interface OperationLimits {
  /** The same query limits as HTTP (see graphql/protection.ts). */
  protection: Protection;
  /** Per-client cost budget; undefined when rate limiting is off. */
  rateLimit: RateLimit | undefined;
  /** Proxy hops whose X-Forwarded-For entries name the client (see limits/client-address.ts). */
  trustedProxies: number;
}

/**
 * Parses and validates with the same limits as HTTP. A refused document answers an error message
 * for its operation; the connection and its other subscriptions stay open.
 */
function prepare(
  schema: GraphQLSchema,
  protection: Protection,
  payload: { query: string; operationName?: string | null; variables?: unknown },
): ExecutionArgs | readonly GraphQLError[] {
  let document;
  try {
    document = protection.parse(payload.query);
  } catch (err) {
    if (isGraphQLError(err)) return [err];
    throw err;
  }
  const errors = protection.validate(schema, document);
  if (errors.length > 0) return errors;
  return {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables as ExecutionArgs['variableValues'],
  };
}

/**
 * Charges a prepared operation's cost once, when it starts (a subscription's pushes are not
 * charged). A refusal is an error message for the operation; the socket stays open.
 */
function admit(
  limits: OperationLimits,
  request: IncomingMessage,
  args: ExecutionArgs | readonly GraphQLError[],
): ExecutionArgs | readonly GraphQLError[] {
  if (limits.rateLimit === undefined || !('document' in args)) return args;
  const cost = operationCost(args.schema, args.document, args.operationName, args.variableValues);
  const subject = ipSubject(clientAddress(request, limits.trustedProxies));
  const refused = limits.rateLimit.charge(subject, cost);
  return refused === undefined ? args : [refused];
}

/** graphql-ws on the HTTP server's `path`, sharing its port. */
export function startSubscriptionServer(
  httpServer: Server,
  path: string,
  schema: GraphQLSchema,
  logger: Logger,
  /** How long a socket may wait before its connection_init (else close 4408). */
  connectionInitWaitTimeout: number,
  limits: OperationLimits,
): SubscriptionServer {
  const { protection } = limits;
  // noServer: the HTTP server's own errors (e.g. a port in use) stay with its owner.
  const wss = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  const visible = (errors: GraphQLFormattedError[]) =>
    errors.map((error) => ({ ...error, message: protection.hideSuggestions(error.message) }));
  const cleanup = useServer<Record<string, unknown> | undefined, { socket: WebSocket }>(
    {
      schema,
      connectionInitWaitTimeout,
      context: (ctx): LiveContext => ({
        dropConnection: (reason) => dropConnection(ctx.extra.socket, reason),
      }),
      onSubscribe: (ctx, _id, payload) =>
        admit(limits, ctx.extra.request, prepare(schema, protection, payload)),
      onError: (_ctx, _id, _payload, errors) => visible(publicErrors(logger, errors)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined
          ? undefined
          : { ...result, errors: visible(publicErrors(logger, result.errors)) },
    },
    wss,
  );
  return {
    async dispose() {
      await cleanup.dispose();
    },
  };
}
