import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { anonymousAuthenticator, type Authenticator } from '../auth/http-authenticator';
import { maskInternalError } from '../graphql/server/errors';
import { clientAddress } from '../limits/client-address';
import { LiveConnection, type ConnectionDeps, type PayloadResolver } from './connection';
import { createFrameWriter } from './frame-writer';
import { ValidDocuments, type OperationLimits } from './operations';
import { Close, graphqlTransportWs } from './protocol';
import { SharedSubscriptions } from './shared-subscriptions';
import { WriteBatch } from './write-batch';

export { slowSubscriberCloseCode } from './protocol';
export type { OperationLimits } from './operations';

/** Keep-alive: each socket is pinged this often and cut off if the previous ping got no pong. */
const keepAliveMs = 12_000;
/** The largest message a client may send (as the HTTP body limit); ws closes larger with 1009. */
const maxMessageBytes = 1024 * 1024;
/** Unsent bytes a socket may hold before its client counts as too slow (see LiveOptions). */
const defaultBufferLimitBytes = 4 * 1024 * 1024;

export interface SubscriptionServer {
  /** Connections open now. */
  readonly connectionCount: number;
  /** Distinct public operations executing now (each serves all its subscribers). */
  readonly sharedOperationCount: number;
  dispose(): Promise<void>;
}

export interface LiveOptions {
  /** Who is calling, from connection_init (default: everyone anonymous). */
  authenticator?: Authenticator;
  /** Unsent bytes per socket before a slow client is closed with 1013 (default 4 MiB). */
  bufferLimitBytes?: number;
  /**
   * Rewrites each `subscribe` payload before it is parsed, with the connection's viewer (e.g. a
   * trusted document's id to its text); returning errors refuses the operation.
   */
  resolvePayload?: PayloadResolver;
  /** Threads that write shared pushes besides the main thread (default 0; see frame-writer.ts). */
  writeThreads?: number;
}

const text = (data: RawData): string =>
  Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : Buffer.isBuffer(data)
      ? data.toString('utf8')
      : Buffer.from(data).toString('utf8');

function accept(
  ws: WebSocket,
  tcp: Duplex,
  request: IncomingMessage,
  deps: ConnectionDeps,
  connections: Set<LiveConnection>,
  initTimeoutMs: number,
): void {
  const address = clientAddress(request, deps.limits.trustedProxies);
  const connection = new LiveConnection(ws, tcp, request, address, deps);
  if (ws.protocol !== graphqlTransportWs) {
    connection.close(Close.subprotocolNotAcceptable.code, Close.subprotocolNotAcceptable.reason);
    return;
  }
  connections.add(connection);
  const initTimer = setTimeout(() => {
    if (!connection.initialised) connection.close(Close.initTimeout.code, Close.initTimeout.reason);
  }, initTimeoutMs);
  ws.on('message', (data) => {
    connection.onMessage(text(data)).catch((err: unknown) => {
      maskInternalError(deps.logger, err);
      connection.close(Close.internalError.code, Close.internalError.reason);
    });
  });
  ws.on('pong', () => (connection.alive = true));
  // A socket error is followed by 'close'; the error itself needs no handling.
  ws.on('error', () => undefined);
  ws.once('close', () => {
    clearTimeout(initTimer);
    connections.delete(connection);
    connection.closed();
  });
}

function startKeepAlive(connections: Set<LiveConnection>, ping: (c: LiveConnection) => void) {
  const timer = setInterval(() => {
    for (const connection of connections) ping(connection);
  }, keepAliveMs);
  timer.unref();
  return timer;
}

function createWebSocketServer(): WebSocketServer {
  // noServer: the HTTP server's own errors (e.g. a port in use) stay with its owner.
  return new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: maxMessageBytes,
    // Offering no graphql-transport-ws still opens, then closes with 4406 as PROTOCOL.md says.
    handleProtocols: (protocols) =>
      protocols.has(graphqlTransportWs) ? graphqlTransportWs : false,
  });
}

function connectionDeps(
  schema: GraphQLSchema,
  logger: Logger,
  limits: OperationLimits,
  shared: SharedSubscriptions,
  options: LiveOptions,
): ConnectionDeps {
  return {
    schema,
    logger,
    limits,
    authenticator: options.authenticator ?? anonymousAuthenticator,
    shared,
    batch: new WriteBatch(),
    bufferLimitBytes: options.bufferLimitBytes ?? defaultBufferLimitBytes,
    resolvePayload: options.resolvePayload,
    documents: new ValidDocuments(),
  };
}

/** graphql-ws (graphql-transport-ws) on the HTTP server's `path`, sharing its port. */
export function startSubscriptionServer(
  httpServer: Server,
  path: string,
  schema: GraphQLSchema,
  logger: Logger,
  /** How long a socket may wait before its connection_init (else close 4408). */
  connectionInitWaitTimeout: number,
  limits: OperationLimits,
  options: LiveOptions = {},
): SubscriptionServer {
  const writer = createFrameWriter({ threads: options.writeThreads ?? 0, logger });
  const shared = new SharedSubscriptions(logger, limits.protection, writer);
  const deps = connectionDeps(schema, logger, limits, shared, options);
  const connections = new Set<LiveConnection>();
  const wss = createWebSocketServer();
  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== path) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) =>
      accept(ws, socket, request, deps, connections, connectionInitWaitTimeout),
    );
  });
  const keepAlive = startKeepAlive(connections, (connection) => connection.keepAlive());
  return {
    get connectionCount() {
      return connections.size;
    },
    get sharedOperationCount() {
      return shared.groupCount;
    },
    async dispose() {
      clearInterval(keepAlive);
      for (const connection of [...connections])
        connection.close(Close.goingAway.code, Close.goingAway.reason);
      shared.endAll();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await writer.close();
    },
  };
}
