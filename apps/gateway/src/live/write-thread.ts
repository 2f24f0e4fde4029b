import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';

/** One socket and the WebSocket frames for it. */
export interface FrameWrite {
  socket: Writable;
  frames: Buffer;
}

/** The control word shared with frame-write-thread.mjs (keep the numbers in step). */
const State = { idle: 0, work: 1, done: 2, exit: 3 } as const;

/** Writes a thread takes at once; a larger share is the main thread's to write. */
const entryCapacity = 32_768;
/** Distinct frame bytes a thread takes at once (a block's pushes are a few KiB). */
const frameCapacity = 1024 * 1024;
/** A thread that takes longer than this for a share is broken (writes never block: see below). */
const stallMs = 5_000;

/**
 * The descriptor of a socket: `net.Socket` keeps it on its libuv handle. Undefined for anything
 * else (a TLS socket, a test stream), which the main thread then writes itself.
 */
export function descriptorOf(socket: Writable): number | undefined {
  const fd = (socket as unknown as { _handle?: { fd?: unknown } })._handle?.fd;
  return typeof fd === 'number' && Number.isInteger(fd) && fd >= 0 ? fd : undefined;
}

/**
 * One worker thread writing frames to socket descriptors (frame-write-thread.mjs), driven through
 * shared memory: the main thread fills in a share of writes, wakes it, writes its own share, then
 * waits for it. The main thread is busy the whole time, so no socket can close and have its
 * descriptor reused while the thread writes; and libuv keeps sockets non-blocking, so a full
 * socket answers EAGAIN at once instead of blocking the thread.
 */
export class WriteThread {
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  private readonly entries = new Int32Array(new SharedArrayBuffer(entryCapacity * 3 * 4));
  private readonly results = new Int32Array(new SharedArrayBuffer(entryCapacity * 4));
  private readonly frames = new Uint8Array(new SharedArrayBuffer(frameCapacity));
  private readonly worker: Worker;
  private share: readonly FrameWrite[] = [];
  /** False until the thread runs, and after it failed: the main thread writes everything. */
  ready = false;
  /** Resolves once the thread runs. */
  readonly online: Promise<void>;

  constructor(onFailure: (error: Error) => void) {
    this.worker = new Worker(new URL('./frame-write-thread.mjs', import.meta.url), {
      workerData: {
        control: this.state.buffer,
        entries: this.entries.buffer,
        results: this.results.buffer,
        frames: this.frames.buffer,
      },
    });
    this.online = new Promise((resolve) =>
      this.worker.once('online', () => {
        this.ready = true;
        resolve();
      }),
    );
    this.worker.once('error', (error) => {
      this.ready = false;
      onFailure(error);
    });
    this.worker.unref();
  }

  /**
   * Hands `share` to the thread and wakes it; false (nothing started) when it does not fit.
   * Every socket must be idle: nothing queued on it, not corked, with a descriptor.
   */
  start(share: readonly FrameWrite[], descriptors: readonly number[]): boolean {
    if (share.length > entryCapacity) return false;
    const offsets = new Map<Buffer, number>();
    let used = 0;
    for (let i = 0; i < share.length; i += 1) {
      const { frames } = share[i]!;
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
    this.share = share;
    this.state[1] = share.length;
    Atomics.store(this.state, 0, State.work);
    Atomics.notify(this.state, 0);
    return true;
  }

  /**
   * Waits for the thread's share, then writes through each socket what the thread could not:
   * the rest of a partly written frame, or all of it (a full or failed socket). Nothing else was
   * written to those sockets meanwhile, so the bytes stay in order.
   */
  finish(): void {
    const deadline = performance.now() + stallMs;
    while (Atomics.load(this.state, 0) === State.work) {
      if (performance.now() > deadline) {
        this.ready = false;
        throw new Error('a live write thread stalled; writing from the main thread from now on');
      }
      Atomics.wait(this.state, 0, State.work, stallMs);
    }
    Atomics.store(this.state, 0, State.idle);
    const share = this.share;
    this.share = [];
    for (let i = 0; i < share.length; i += 1) {
      const { socket, frames } = share[i]!;
      const written = this.results[i]!;
      if (written === frames.length) continue;
      socket.write(written > 0 ? frames.subarray(written) : frames);
    }
  }

  async stop(): Promise<void> {
    Atomics.store(this.state, 0, State.exit);
    Atomics.notify(this.state, 0);
    await this.worker.terminate();
  }
}
