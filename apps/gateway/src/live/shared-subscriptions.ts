import { GraphQLError, subscribe, type ExecutionArgs, type ExecutionResult } from 'graphql';
import type { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { anonymousViewer } from '../auth/viewer';
import type { LiveContext } from '../graphql/context';
import type { Protection } from '../graphql/server/protection';
import type { FrameWrite, FrameWriter } from './frame-writer';
import { serializeResult, visibleErrors } from './operations';
import { nextFramePrefix } from './protocol';
import { textFrame } from './ws-frame';

/** One subscriber of a shared operation: the connection's side of it. */
export interface SharedMember {
  /** The subscriber's operation id. */
  readonly id: string;
  /**
   * Where the group writes this member's results (consecutive WebSocket frames, built once per
   * operation id for the whole group); undefined when it takes none now (closed, or just dropped
   * as too slow).
   */
  socket(): Writable | undefined;
  /** The operation failed; the errors are serialized for the `error` frame. */
  error(errors: string): void;
  complete(): void;
  /** The group cannot keep up: the member's connection is closed. */
  drop(reason: string): void;
}

type Stream = AsyncIterator<ExecutionResult>;

function isAsyncIterator(value: unknown): value is Stream & AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** One execution of a public subscription, whose every result goes to all its members. */
class Group {
  readonly members = new Set<SharedMember>();
  private stream: Stream | undefined;
  private ended = false;
  /** Serialized results not yet written (see `flush`). */
  private pending: string[] = [];
  private flushScheduled = false;

  constructor(
    private readonly args: ExecutionArgs,
    private readonly serialize: (result: ExecutionResult) => string,
    private readonly fail: (err: unknown) => string,
    private readonly writer: FrameWriter,
    private readonly onEnd: () => void,
  ) {}

  async run(): Promise<void> {
    const context: LiveContext = {
      // The group's own stream overflowed: every member is behind together.
      dropConnection: (reason) => this.dropAll(reason),
      // Only public fields are shared, which read nothing of the caller.
      viewer: anonymousViewer,
    };
    try {
      const result = await subscribe({ ...this.args, contextValue: context });
      if (!isAsyncIterator(result)) return this.broadcastOnce(result);
      this.stream = result;
      // Every member left while the operation was starting.
      if (this.ended) {
        await result.return?.();
        return;
      }
      for await (const item of result) this.enqueue(this.serialize(item));
      this.finish((member) => member.complete());
    } catch (err) {
      const errors = this.fail(err);
      this.finish((member) => member.error(errors));
    }
  }

  /** Queues a serialized result; the turn's results go out together (see `flush`). */
  private enqueue(payload: string): void {
    this.pending.push(payload);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /**
   * Writes the results queued this turn (a bus batch: a block's trades) to every member in one
   * write: their frames are built once per operation id and joined, so members whose ids are
   * equal (clients often number theirs from 1) get the very same bytes.
   */
  private flush(members: Iterable<SharedMember> = this.members): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const payloads = this.pending;
    this.pending = [];
    const frames = new Map<string, Buffer>();
    const writes: FrameWrite[] = [];
    for (const member of members) {
      const socket = member.socket();
      if (socket === undefined) continue;
      let bytes = frames.get(member.id);
      if (bytes === undefined) {
        const prefix = nextFramePrefix(member.id);
        bytes = Buffer.concat(payloads.map((payload) => textFrame(`${prefix}${payload}}`)));
        frames.set(member.id, bytes);
      }
      writes.push({ socket, frames: bytes });
    }
    this.writer.writeAll(writes);
  }

  /** An operation that ended at once (e.g. a bad argument): one result, then complete. */
  private broadcastOnce(result: ExecutionResult): void {
    this.pending.push(this.serialize(result));
    this.finish((member) => member.complete());
  }

  /** Ends the group; what it produced reaches the members before `each`. */
  private finish(each: (member: SharedMember) => void): void {
    const members = [...this.members];
    this.flush(members);
    this.end();
    for (const member of members) each(member);
  }

  private dropAll(reason: string): void {
    const members = [...this.members];
    this.end();
    for (const member of members) member.drop(reason);
  }

  leave(member: SharedMember): void {
    this.members.delete(member);
    if (this.members.size === 0) this.end();
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.pending = [];
    this.members.clear();
    this.onEnd();
    void this.stream?.return?.();
  }
}

/**
 * Public subscriptions shared across connections: subscribers of the same document, operation
 * name and variables form one group, executed once, each result serialized once; the members'
 * connections only splice in their operation id. So an event costs one execution per group and one
 * socket write per subscriber, whatever the subscriber count.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly logger: Logger,
    private readonly protection: Protection,
    /** How a result reaches the members' sockets (from one thread or several). */
    private readonly writer: FrameWriter,
  ) {}

  /** Executions running now (one per distinct shared operation). */
  get groupCount(): number {
    return this.groups.size;
  }

  /** Adds `member` to the group of `key`, starting it if needed; returns how to leave it. */
  join(key: string, args: ExecutionArgs, member: SharedMember): () => void {
    let group = this.groups.get(key);
    if (group === undefined) {
      const created = new Group(
        args,
        (result) => serializeResult(this.logger, this.protection, result),
        (err) => this.failure(err),
        this.writer,
        () => {
          if (this.groups.get(key) === created) this.groups.delete(key);
        },
      );
      this.groups.set(key, created);
      created.members.add(member);
      void created.run();
      group = created;
    } else {
      group.members.add(member);
    }
    const joined = group;
    return () => joined.leave(member);
  }

  /** Ends every group (shutdown). */
  endAll(): void {
    for (const group of [...this.groups.values()]) group.end();
  }

  private failure(err: unknown): string {
    const cause = err instanceof Error ? err : new Error(String(err));
    const error = new GraphQLError(cause.message, { originalError: cause });
    return JSON.stringify(visibleErrors(this.logger, this.protection, [error]));
  }
}
