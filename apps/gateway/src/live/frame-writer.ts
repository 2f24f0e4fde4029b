import type { Logger } from 'pino';
import { descriptorOf, WriteThread, type FrameWrite } from './write-thread';

export type { FrameWrite } from './write-thread';

/**
 * Writes a shared push to many sockets. The cost of a push is one `write` system call per
 * subscriber (~10 µs on loopback, most of it the kernel's TCP path), so 10,000 subscribers take
 * ~100 ms on one thread; write threads split that across cores.
 */
export interface FrameWriter {
  /** Writes each socket's frames, or queues them on the socket, before returning. */
  writeAll(writes: readonly FrameWrite[]): void;
  /** Writes made so far from the main thread and from the write threads. */
  readonly counts: { main: number; threads: number };
  /**
   * Starts the write threads now (else they start with the first fan-out large enough to use
   * them) and resolves once they run; until then the main thread writes everything.
   */
  started(): Promise<void>;
  /** Stops the write threads. */
  close(): Promise<void>;
}

export interface FrameWriterOptions {
  /** Worker threads besides the main thread (0: the main thread writes everything). */
  threads: number;
  /** Below this many writes per thread a fan-out stays on the main thread (waking costs more). */
  minWritesPerThread?: number;
  logger: Logger;
}

const defaultMinWritesPerThread = 500;

/** A socket a thread may write straight to its descriptor: nothing of its own queued before. */
function idleDescriptor(socket: FrameWrite['socket']): number | undefined {
  if (socket.destroyed || socket.writableLength > 0 || socket.writableCorked > 0) return undefined;
  return descriptorOf(socket);
}

export function createFrameWriter(options: FrameWriterOptions): FrameWriter {
  const { logger } = options;
  const minPerThread = options.minWritesPerThread ?? defaultMinWritesPerThread;
  const threads: WriteThread[] = [];
  const startThreads = () => {
    while (threads.length < options.threads)
      threads.push(
        new WriteThread((error) =>
          logger.error({ event: 'live.write_thread_failed', err: error }, 'a write thread failed'),
        ),
      );
  };

  /** Splits off the threads' shares (sockets with descriptors); the rest is the main thread's. */
  function split(writes: readonly FrameWrite[], ready: WriteThread[]) {
    const own: FrameWrite[] = [];
    const shares = ready.map(() => ({ writes: [] as FrameWrite[], descriptors: [] as number[] }));
    const perShare = Math.ceil(writes.length / (ready.length + 1));
    let share = 0;
    for (const write of writes) {
      const fd = share < shares.length ? idleDescriptor(write.socket) : undefined;
      if (fd === undefined) {
        own.push(write);
        continue;
      }
      shares[share]!.writes.push(write);
      shares[share]!.descriptors.push(fd);
      if (shares[share]!.writes.length >= perShare) share += 1;
    }
    return { own, shares };
  }

  const counts = { main: 0, threads: 0 };
  const writeHere = (writes: readonly FrameWrite[]) => {
    for (const { socket, frames } of writes) socket.write(frames);
    counts.main += writes.length;
  };

  return {
    counts,
    writeAll(writes) {
      const wanted = Math.min(options.threads, Math.floor(writes.length / minPerThread) - 1);
      if (wanted > threads.length) startThreads();
      const ready = threads.filter((thread) => thread.ready);
      const usable = Math.min(ready.length, wanted);
      if (usable <= 0) return writeHere(writes);
      const { own, shares } = split(writes, ready.slice(0, usable));
      const started = shares.map((share, i) => {
        if (!ready[i]!.start(share.writes, share.descriptors))
          return void own.push(...share.writes);
        counts.threads += share.writes.length;
        return ready[i]!;
      });
      writeHere(own);
      for (const thread of started) {
        try {
          thread?.finish();
        } catch (error) {
          logger.error({ event: 'live.write_thread_failed', err: error }, 'a write thread stalled');
        }
      }
    },
    async started() {
      startThreads();
      await Promise.all(threads.map((thread) => thread.online));
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.stop()));
    },
  };
}
