import type { Logger } from 'pino';
import { descriptorOf, maxBatchWrites, WritePool, type FrameWrite } from './write-pool';

export type { FrameWrite } from './write-pool';

/**
 * Writes a shared push to many sockets. The cost of a push is one `write` system call per
 * subscriber (~10 µs on loopback, nearly all of it the kernel's TCP path), so 10,000 subscribers
 * take ~100 ms on one thread; write threads share that work across cores.
 */
export interface FrameWriter {
  /** Writes each socket's frames, or queues them on the socket, before returning. */
  writeAll(writes: readonly FrameWrite[]): void;
  /**
   * Writes made so far by the main thread and by the write threads, and writes joined to another
   * of the same fan-out for the same socket.
   */
  readonly counts: { main: number; threads: number; merged: number };
  /**
   * Starts the write threads now (else they start with the first fan-out large enough to use
   * them) and resolves once they run.
   */
  started(): Promise<void>;
  /** Stops the write threads. */
  close(): Promise<void>;
}

export interface FrameWriterOptions {
  /** Worker threads besides the main thread (0: the main thread writes everything). */
  threads: number;
  /** Fan-outs smaller than this stay on the main thread (sharing them costs more than it saves). */
  minSharedWrites?: number;
  logger: Logger;
}

const defaultMinSharedWrites = 1000;

/** A socket whose descriptor may be written directly: nothing of its own queued before. */
function idleDescriptor(socket: FrameWrite['socket']): number | undefined {
  if (socket.destroyed || socket.writableLength > 0 || socket.writableCorked > 0) return undefined;
  return descriptorOf(socket);
}

/**
 * Splits a fan-out into the writes a pool may make straight to descriptors and those that must go
 * through their sockets' streams (bytes queued before them). A socket twice in one fan-out (two
 * operations of one connection) gets one write: two threads writing one socket could interleave
 * a cut-short write's rest with the other's bytes.
 */
function partition(writes: readonly FrameWrite[]) {
  const direct: FrameWrite[] = [];
  const descriptors: number[] = [];
  const streamed: FrameWrite[] = [];
  const slot = new Map<FrameWrite['socket'], number>();
  let merged = 0;
  for (const write of writes) {
    const at = slot.get(write.socket);
    if (at !== undefined) {
      direct[at] = {
        socket: write.socket,
        frames: Buffer.concat([direct[at]!.frames, write.frames]),
      };
      merged += 1;
      continue;
    }
    const fd = idleDescriptor(write.socket);
    if (fd === undefined) {
      streamed.push(write);
      continue;
    }
    slot.set(write.socket, direct.length);
    direct.push(write);
    descriptors.push(fd);
  }
  return { direct, descriptors, streamed, merged };
}

class SharedFrameWriter implements FrameWriter {
  readonly counts = { main: 0, threads: 0, merged: 0 };
  private pool: WritePool | undefined;
  private failed = false;
  private readonly minShared: number;

  constructor(private readonly options: FrameWriterOptions) {
    this.minShared = options.minSharedWrites ?? defaultMinSharedWrites;
  }

  writeAll(writes: readonly FrameWrite[]): void {
    const { threads } = this.options;
    if (threads === 0 || this.failed || writes.length < this.minShared)
      return this.writeHere(writes);
    this.writeShared(this.startPool(), writes);
  }

  async started(): Promise<void> {
    if (this.options.threads > 0) await this.startPool().online;
  }

  async close(): Promise<void> {
    await this.pool?.stop();
  }

  private startPool(): WritePool {
    this.pool ??= new WritePool(this.options.threads, (error) => this.fail(error, 'failed'));
    return this.pool;
  }

  /** From now on the main thread writes everything. */
  private fail(error: unknown, how: string): void {
    this.failed = true;
    this.options.logger.error(
      { event: 'live.write_thread_failed', err: error },
      `a write thread ${how}`,
    );
  }

  private writeHere(writes: readonly FrameWrite[]): void {
    for (const { socket, frames } of writes) socket.write(frames);
    this.counts.main += writes.length;
  }

  /** Shares the idle sockets' writes with the threads; the others go through their streams. */
  private writeShared(pool: WritePool, writes: readonly FrameWrite[]): void {
    const { direct, descriptors, streamed, merged } = partition(writes);
    this.counts.merged += merged;
    this.writeHere(streamed);
    for (let from = 0; from < direct.length; from += maxBatchWrites) {
      const batch = direct.slice(from, from + maxBatchWrites);
      let own: number | undefined;
      try {
        own = pool.write(batch, descriptors.slice(from, from + maxBatchWrites));
      } catch (error) {
        return this.fail(error, 'stalled');
      }
      if (own === undefined) {
        this.writeHere(batch);
        continue;
      }
      this.counts.main += own;
      this.counts.threads += batch.length - own;
    }
  }
}

export function createFrameWriter(options: FrameWriterOptions): FrameWriter {
  return new SharedFrameWriter(options);
}
