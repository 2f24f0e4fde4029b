import type { Logger } from 'pino';
import { descriptorOf, WritePool, type FrameWrite } from './write-pool';

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

export function createFrameWriter(options: FrameWriterOptions): FrameWriter {
  const { logger, threads } = options;
  const minShared = options.minSharedWrites ?? defaultMinSharedWrites;
  const counts = { main: 0, threads: 0, merged: 0 };
  let pool: WritePool | undefined;
  let failed = false;
  const startPool = () =>
    (pool ??= new WritePool(threads, (error) => {
      failed = true;
      logger.error({ event: 'live.write_thread_failed', err: error }, 'a write thread failed');
    }));
  const writeHere = (writes: readonly FrameWrite[]) => {
    for (const { socket, frames } of writes) socket.write(frames);
    counts.main += writes.length;
  };

  /** Shares the idle sockets' writes with the threads; the others go through their streams. */
  function writeShared(shared: WritePool, writes: readonly FrameWrite[]) {
    const direct: FrameWrite[] = [];
    const descriptors: number[] = [];
    const streamed: FrameWrite[] = [];
    // A socket twice in one fan-out (two operations of one connection) gets one write: two
    // threads writing one socket could interleave a cut-short write's rest with the other's bytes.
    const slot = new Map<FrameWrite['socket'], number>();
    for (const write of writes) {
      const at = slot.get(write.socket);
      if (at !== undefined) {
        const merged = Buffer.concat([direct[at]!.frames, write.frames]);
        direct[at] = { socket: write.socket, frames: merged };
        counts.merged += 1;
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
    writeHere(streamed);
    let own: number | undefined;
    try {
      own = shared.write(direct, descriptors);
    } catch (error) {
      failed = true;
      logger.error({ event: 'live.write_thread_failed', err: error }, 'a write thread stalled');
      return;
    }
    if (own === undefined) return writeHere(direct);
    counts.main += own;
    counts.threads += direct.length - own;
  }

  return {
    counts,
    writeAll(writes) {
      if (threads === 0 || failed || writes.length < minShared) return writeHere(writes);
      writeShared(startPool(), writes);
    },
    async started() {
      if (threads > 0) await startPool().online;
    },
    async close() {
      await pool?.stop();
    },
  };
}
