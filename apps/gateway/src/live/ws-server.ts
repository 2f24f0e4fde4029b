import type { Server } from 'node:http';
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
  const wss = new WebSocketServer({ server: httpServer, path });
  const cleanup = useServer<Record<string, unknown> | undefined, { socket: WebSocket }>(
    {
      schema,
      context: (ctx): LiveContext => ({
        dropConnection: (reason) => dropConnection(ctx.extra.socket, reason),
      }),
      onError: (_ctx, _id, _payload, errors) => publicErrors(logger, errors),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors === undefined ? undefined : { ...result, errors: publicErrors(logger, result.errors) },
    },
    wss,
  );
  return {
    async dispose() {
      await cleanup.dispose();
    },
  };
}
