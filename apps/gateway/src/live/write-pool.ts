import { writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';

/** One socket and the WebSocket frames for it. */
export interface FrameWrite {
  socket: Writable;
  frames: Buffer;
}

// The shared layout, mirrored in frame-write-thread.mjs (keep them in step). `control[Word]` is
// the batch's generation (high bits) and the next unclaimed index (low 20 bits): a write is
// claimed by a compare-and-swap that also proves the batch is still the current one.
const Word = 0;
const Done = 1;
const Exit = 2;
const IndexBits = 20;
const generations = 1024;

const IndexMask = (1 << IndexBits) - 1;

/** Writes in one batch at most (the index has room for 16 times more); callers split larger ones. */
export const maxBatchWrites = 1 << 16;
/** Distinct frame bytes in one batch (a block's pushes are a few KiB per operation id). */
const frameCapacity = 1024 * 1024;
/** A claimed write takes microseconds; a batch still unfinished after this is a broken thread. */
const stallMs = 5_000;

/**
 * The descriptor of a socket: `net.Socket` keeps it on its libuv handle. Undefined for anything
 * else (a TLS socket, a test stream), which is then written through the stream.
 */
export function descriptorOf(socket: Writable): number | undefined {
  const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
  return typeof fd === 'number' && Number.isInteger(fd) && fd >= 0 ? fd : undefined;
}

/**
 * The main thread and `threads` worker threads writing one batch of frames to socket descriptors
 * together: each claims the next write until none is left, so a thread the OS has not scheduled
 * yet simply claims nothing and the main thread never waits for it to start. The main thread takes
 * part and returns only when every claimed write is done, so no socket can close (and its
 * descriptor be reused) while a thread writes to it; libuv keeps sockets non-blocking, so a full
 * socket answers EAGAIN at once and is written through its stream afterwards.
 */
export class WritePool {
  private readonly control = new Int32Array(new SharedArrayBuffer(3 * 4));
  private readonly counts = new Int32Array(new SharedArrayBuffer(generations * 4));
  private readonly entries = new Int32Array(new SharedArrayBuffer(maxBatchWrites * 3 * 4));
  private readonly results = new Int32Array(new SharedArrayBuffer(maxBatchWrites * 4));
  private readonly frames = new Uint8Array(new SharedArrayBuffer(frameCapacity));
  private readonly workers: Worker[];
  private generation = 0;
  /** Resolves once every thread runs. */
  readonly online: Promise<void>;

  constructor(threads: number, onFailure: (error: Error) => void) {
    const workerData = {
      control: this.control.buffer,
      counts: this.counts.buffer,
      entries: this.entries.buffer,
      results: this.results.buffer,
      frames: this.frames.buffer,
    };
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(new URL('./frame-write-thread.mjs', import.meta.url), {
        workerData,
      });
      worker.once('error', onFailure);
      worker.unref();
      return worker;
    });
    this.online = Promise.all(
      this.workers.map((worker) => new Promise<void>((resolve) => worker.once('online', resolve))),
    ).then(() => undefined);
  }

  /** Loads the batch into shared memory; false when it does not fit (write it directly). */
  private load(writes: readonly FrameWrite[], descriptors: readonly number[]): boolean {
    if (writes.length > maxBatchWrites) return false;
    const offsets = new Map<Buffer, number>();
    let used = 0;
    for (let i = 0; i < writes.length; i += 1) {
      const { frames } = writes[i]!;
      let offset = offsets.get(frames);
      if (offset === undefined) {
        if (used + frames.length > frameCapacity) return false;
        this.frames.set(frames, used);
        offset = used;
        offsets.set(frames, offset);
        used += frames.length;
      }
      this.entries[i * 3] = descriptors[i]!;
      this.entries[i * 3 + 1] = offset;
      this.entries[i * 3 + 2] = frames.length;
    }
    return true;
  }

  /** Claims and writes until the batch is exhausted; returns how many this thread wrote. */
  private claimAll(count: number): number {
    let wrote = 0;
    for (;;) {
      const word = Atomics.load(this.control, Word);
      const index = word & IndexMask;
      if (index >= count) return wrote;
      if (Atomics.compareExchange(this.control, Word, word, word + 1) !== word) continue;
      const at = index * 3;
      try {
        this.results[index] = writeSync(
          this.entries[at]!,
          this.frames,
          this.entries[at + 1],
          this.entries[at + 2],
        );
      } catch {
        this.results[index] = -1;
      }
      Atomics.add(this.control, Done, 1);
      wrote += 1;
    }
  }

  /** Waits for the writes other threads claimed; throws if one stalls. */
  private awaitDone(count: number): void {
    const deadline = performance.now() + stallMs;
    for (let done = Atomics.load(this.control, Done); done < count;) {
      if (performance.now() > deadline) throw new Error('a live write thread stalled');
      Atomics.wait(this.control, Done, done, stallMs);
      done = Atomics.load(this.control, Done);
    }
  }

  /**
   * Writes the batch (every socket idle: nothing queued, not corked, with a descriptor); what a
   * descriptor did not take is then written through its socket, in order. Returns how many writes
   * the main thread made, or undefined when the batch did not fit (nothing written).
   */
  write(writes: readonly FrameWrite[], descriptors: readonly number[]): number | undefined {
    if (!this.load(writes, descriptors)) return undefined;
    const count = writes.length;
    this.generation = (this.generation + 1) % generations;
    this.counts[this.generation] = count;
    Atomics.store(this.control, Done, 0);
    Atomics.store(this.control, Word, this.generation << IndexBits);
    Atomics.notify(this.control, Word);
    const own = this.claimAll(count);
    this.awaitDone(count);
    for (let i = 0; i < count; i += 1) {
      const { socket, frames } = writes[i]!;
      const written = this.results[i]!;
      if (written === frames.length) continue;
      socket.write(written > 0 ? frames.subarray(written) : frames);
    }
    return own;
  }

  async stop(): Promise<void> {
    Atomics.store(this.control, Exit, 1);
    Atomics.notify(this.control, Word);
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
