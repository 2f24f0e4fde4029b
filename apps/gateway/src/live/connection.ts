import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GraphQLError,
  OperationTypeNode,
  execute,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { readScopeRefusal } from '../auth/access';
import type { Authenticator } from '../auth/http-authenticator';
import { anonymousViewer, type Viewer } from '../auth/viewer';
import { maskInternalError } from '../graphql/server/errors';
import type { LiveContext } from '../graphql/context';
import { rateLimitSubjectOf } from '../limits/rate-limit';
import {
  isShareable,
  prepareOperation,
  serializeResult,
  shareKey,
  visibleErrors,
  type OperationLimits,
  type PreparedOperation,
  type ValidDocuments,
} from './operations';
import {
  Close,
  completeFrame,
  connectionAckFrame,
  errorFrame,
  nextFramePrefix,
  parseClientMessage,
  pongFrame,
  slowSubscriberCloseCode,
  type SubscribePayload,
} from './protocol';
import type { SharedSubscriptions } from './shared-subscriptions';
import type { WriteBatch } from './write-batch';

/** What every connection of one server shares. */
export interface ConnectionDeps {
  schema: GraphQLSchema;
  logger: Logger;
  limits: OperationLimits;
  authenticator: Authenticator;
  shared: SharedSubscriptions;
  batch: WriteBatch;
  /** Bytes a socket may have waiting to be sent before its client counts as too slow. */
  bufferLimitBytes: number;
  /** Documents already parsed and validated. */
  documents: ValidDocuments;
  /** Rewrites a payload before it is parsed (trusted documents); errors refuse the operation. */
  resolvePayload: PayloadResolver | undefined;
}

export type PayloadResolver = (
  payload: SubscribePayload,
  viewer: Viewer,
) => SubscribePayload | readonly GraphQLError[];

/** A dropped subscriber that does not finish the close handshake is cut off after this long. */
const terminateAfterMs = 2000;

/** Operations of the connection by id: how to stop each (undefined while it starts). */
type Running = Map<string, (() => void) | undefined>;

const isCredentialError = (err: unknown): boolean => {
  const code = (err as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  return code === 'UNAUTHENTICATED' || code === 'FORBIDDEN';
};

/** One graphql-transport-ws connection: its handshake, its operations and its writes. */
export class LiveConnection {
  private initReceived = false;
  private viewer: Viewer | undefined;
  private readonly running: Running = new Map();
  /** Kept only until connection_init: the authenticator may read its headers and cookies. */
  private request: IncomingMessage | undefined;
  /** False once the keep-alive ping went unanswered for a whole period. */
  alive = true;

  constructor(
    private readonly ws: WebSocket,
    private readonly tcp: Duplex,
    request: IncomingMessage,
    /** The client's address for its rate limit (see limits/client-address.ts). */
    private readonly address: string,
    private readonly deps: ConnectionDeps,
  ) {
    this.request = request;
  }

  get initialised(): boolean {
    return this.initReceived;
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState !== this.ws.OPEN && this.ws.readyState !== this.ws.CONNECTING) return;
    this.deps.batch.release(this.tcp);
    this.ws.close(code, reason);
  }

  /** Closes a client that cannot keep up (1013, "try again later"). */
  drop(reason: string): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.deps.logger.warn({ event: 'live.subscriber_dropped', reason }, 'dropping a subscriber');
    this.close(slowSubscriberCloseCode, reason);
    // A reader too slow for its buffer is likely too slow to answer the close frame as well.
    setTimeout(() => this.ws.terminate(), terminateAfterMs).unref();
  }

  /** False (and the client dropped) when the socket already holds more than its limit unsent. */
  private writable(): boolean {
    if (this.ws.readyState !== this.ws.OPEN) return false;
    if (this.ws.bufferedAmount <= this.deps.bufferLimitBytes) return true;
    this.drop('subscriber too slow');
    return false;
  }

  /** Sends one message; the messages of one turn leave the socket together (write-batch.ts). */
  send(message: string): void {
    if (!this.writable()) return;
    this.deps.batch.hold(this.tcp);
    this.ws.send(message);
  }

  /** The socket for frames built once for many sockets (ws-frame.ts), unless closed or too slow. */
  frameSocket(): Duplex | undefined {
    return this.writable() ? this.tcp : undefined;
  }

  /** Pings the client; one that did not answer the previous ping is cut off. */
  keepAlive(): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (!this.alive) return this.ws.terminate();
    this.alive = false;
    this.ws.ping();
  }

  /** The socket closed: every operation stops. */
  closed(): void {
    this.request = undefined;
    this.deps.batch.release(this.tcp);
    const stops = [...this.running.values()];
    this.running.clear();
    for (const stop of stops) stop?.();
  }

  async onMessage(text: string): Promise<void> {
    const message = parseClientMessage(text);
    if (message === undefined) return this.close(Close.badRequest.code, Close.badRequest.reason);
    switch (message.type) {
      case 'connection_init':
        return this.init(message.payload);
      case 'ping':
        return this.send(pongFrame(message.payload));
      case 'pong':
        return;
      case 'subscribe':
        return this.subscribe(message.id, message.payload);
      case 'complete':
        return this.complete(message.id);
    }
  }

  private async init(params: Record<string, unknown> | undefined): Promise<void> {
    if (this.initReceived) return this.close(Close.tooManyInits.code, Close.tooManyInits.reason);
    this.initReceived = true;
    const request = this.request;
    this.request = undefined;
    try {
      this.viewer = request
        ? await this.deps.authenticator.fromConnection(request, params)
        : anonymousViewer;
    } catch (err) {
      if (isCredentialError(err)) return this.close(Close.forbidden.code, Close.forbidden.reason);
      // The authenticator could not tell (its store is down, say): a later retry can succeed.
      maskInternalError(this.deps.logger, err);
      return this.close(Close.internalError.code, Close.internalError.reason);
    }
    this.send(connectionAckFrame);
  }

  private subscribe(id: string, payload: SubscribePayload): void {
    if (this.viewer === undefined)
      return this.close(Close.unauthorized.code, Close.unauthorized.reason);
    if (this.running.has(id)) return this.close(4409, `Subscriber for ${id} already exists`);
    // Registered before anything awaits, so a later frame with the same id sees it.
    this.running.set(id, undefined);
    const resolved = this.deps.resolvePayload?.(payload, this.viewer) ?? payload;
    const subject = rateLimitSubjectOf(this.viewer, this.address);
    const prepared =
      'query' in resolved
        ? prepareOperation(
            this.deps.schema,
            this.deps.limits,
            subject,
            resolved,
            this.deps.documents,
          )
        : resolved;
    if (!('args' in prepared)) return this.refuse(id, prepared);
    const refused = readScopeRefusal(prepared.operation.operation, this.viewer);
    if (refused !== undefined) return this.refuse(id, [refused]);
    if (isShareable(prepared.operation))
      return this.joinShared(id, resolved as SubscribePayload, prepared);
    void this.runPrivate(id, prepared, this.viewer);
  }

  /** Ends operation `id` before it ran with an `error` message; the connection stays open. */
  private refuse(id: string, errors: readonly GraphQLError[]): void {
    this.running.delete(id);
    const visible = visibleErrors(this.deps.logger, this.deps.limits.protection, errors);
    this.send(errorFrame(id, visible));
  }

  private joinShared(id: string, payload: SubscribePayload, prepared: PreparedOperation): void {
    const finished = () => {
      if (this.running.get(id) === leave) this.running.delete(id);
    };
    const leave = this.deps.shared.join(shareKey(payload), prepared.args, {
      id,
      socket: () => this.frameSocket(),
      error: (errors) => {
        finished();
        this.send(`{"id":${JSON.stringify(id)},"type":"error","payload":${errors}}`);
      },
      complete: () => {
        finished();
        this.send(completeFrame(id));
      },
      drop: (reason) => this.drop(reason),
    });
    this.running.set(id, leave);
  }

  private complete(id: string): void {
    const stop = this.running.get(id);
    this.running.delete(id);
    stop?.();
  }

  /** Queries, mutations and subscriptions that depend on the caller: run for this socket alone. */
  private async runPrivate(id: string, prepared: PreparedOperation, viewer: Viewer): Promise<void> {
    const context: LiveContext = { dropConnection: (reason) => this.drop(reason), viewer };
    const args: ExecutionArgs = { ...prepared.args, contextValue: context };
    const prefix = nextFramePrefix(id);
    const emit = (result: ExecutionResult) =>
      this.send(
        `${prefix}${serializeResult(this.deps.logger, this.deps.limits.protection, result)}}`,
      );
    try {
      const result =
        prepared.operation.operation === OperationTypeNode.SUBSCRIPTION
          ? await subscribe(args)
          : await execute(args);
      if (!(Symbol.asyncIterator in result)) {
        if (this.running.has(id)) emit(result);
      } else {
        if (!this.running.has(id)) {
          await result.return?.();
          return;
        }
        this.running.set(id, () => void result.return?.());
        for await (const item of result) emit(item);
      }
      if (this.running.delete(id)) this.send(completeFrame(id));
    } catch (err) {
      const cause = err instanceof Error ? err : new Error(String(err));
      const error = new GraphQLError(cause.message, { originalError: cause });
      if (this.running.delete(id))
        this.send(
          errorFrame(id, visibleErrors(this.deps.logger, this.deps.limits.protection, [error])),
        );
    }
  }
}
