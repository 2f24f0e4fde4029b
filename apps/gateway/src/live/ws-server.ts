import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { publicErrors } from '../graphql/errors';
import type { LiveContext } from '../graphql/resolvers';

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

/** graphql-ws on the HTTP server's `path`, sharing its port. */
export function startSubscriptionServer(
  httpServer: Server,
  path: string,
  schema: GraphQLSchema,
  logger: Logger,
): SubscriptionServer {
  // noServer: the HTTP server's own errors (e.g. a port in use) stay with its owner.
  const wss = new WebSocketServer({ noServer: true });
  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  const cleanup = useServer<Record<string, unknown> | undefined, { socket: WebSocket }>(
    {
      schema,
      context: (ctx): LiveContext => ({
        dropConnection: (reason) => dropConnection(ctx.extra.socket, reason),
      }),
      onError: (_ctx, _id, _payload, errors) => publicErrors(logger, errors),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined
          ? undefined
          : { ...result, errors: publicErrors(logger, result.errors) },
    },
    wss,
  );
  return {
    async dispose() {
      await cleanup.dispose();
    },
  };
}
