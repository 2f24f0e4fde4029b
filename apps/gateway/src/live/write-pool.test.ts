import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { connections, receive } from '../../test/support/loopback-pairs';
import { descriptorOf, type FrameWrite, WritePool } from './write-pool';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Thrown by a non-blocking descriptor that has no room (or nothing to read). */
const wouldBlock = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EAGAIN';

/** A named pipe in `dir`, and a blocking descriptor that reads and writes it. */
function namedPipe(dir: string, name: string) {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  const fd = openSync(path, 'r+');
  cleanups.push(() => closeSync(fd));
  return { path, fd };
}

/**
 * A named pipe whose buffer is full: a write to its descriptor holds the writing thread until
 * someone reads `filled` bytes from the pipe.
 */
function fullPipe(dir: string, name: string) {
  const pipe = namedPipe(dir, name);
  const filler = openSync(pipe.path, constants.O_WRONLY | constants.O_NONBLOCK);
  let filled = 0;
  try {
    for (const chunk of [Buffer.alloc(4096, '.'), Buffer.alloc(1, '.')])
      for (;;) filled += writeSync(filler, chunk);
  } catch (error) {
    if (!wouldBlock(error)) throw error;
  } finally {
    closeSync(filler);
  }
  return { ...pipe, filled };
}

/** What is in a pipe now, read without waiting. */
function pending(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const chunks: Buffer[] = [];
  try {
    for (;;) {
      const chunk = Buffer.alloc(4096);
      const read = readSync(fd, chunk);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
    }
  } catch (error) {
    if (!wouldBlock(error)) throw error;
  } finally {
    closeSync(fd);
  }
  return Buffer.concat(chunks).toString();
}

// Another process, so it runs while a write blocks this one's main thread: once the signal pipe
// has a byte it empties the full pipes' fill, which lets their blocked writes through. The
// watchdog is not a wait: nothing in the test waits on it, and when it fires the outcome it
// reports fails the assertion. It exists because a broken pool blocks this process's main thread
// in a write, where no Vitest timeout can run, and only another process can unblock it.
const drainerScript = `
const { createReadStream, openSync, readSync } = require('node:fs');
const [signal, ...pipes] = process.argv.slice(1);
function drain(outcome) {
  for (let i = 0; i < pipes.length; i += 2) {
    const fd = openSync(pipes[i], 'r');
    const buffer = Buffer.alloc(4096);
    for (let left = Number(pipes[i + 1]); left > 0; )
      left -= readSync(fd, buffer, 0, Math.min(left, buffer.length), null);
  }
  process.stdout.write(outcome, () => process.exit(0));
}
const watchdog = setTimeout(() => drain('watchdog fired: the signal never came'), 20000);
createReadStream(signal)
  .once('open', () => process.stdout.write('ready;'))
  .once('data', (bytes) => { clearTimeout(watchdog); drain('signalled with ' + bytes.length + ' byte'); });
`;

/** Starts the drainer and waits until it listens on the signal pipe. */
async function startDrainer(signal: string, pipes: { path: string; filled: number }[]) {
  const args = ['-e', drainerScript, signal, ...pipes.flatMap((p) => [p.path, String(p.filled)])];
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => child.exitCode ?? child.kill());
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = once(child, 'exit').then(() => output);
  while (!output.startsWith('ready;')) await once(child.stdout!, 'data');
  return { outcome: exited.then((text) => text.slice('ready;'.length)) };
}

describe('WritePool', () => {
  it('shares a batch between the main thread and its threads, every write done once', async () => {
    const pool = new WritePool(2, (error) => {
      throw error;
    });
    cleanups.push(() => pool.stop());
    await pool.online;
    const { pairs, close } = await connections(20);
    cleanups.push(close);
    const dir = mkdtempSync(join(tmpdir(), 'tidemark-write-pool-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));

    // The first two writes block whichever two of the three threads claim them, so the third
    // claims every other write, the signal last; the signal frees the two. Each thread thus takes
    // part whatever the scheduler does: the main thread makes 1 write or all but 2.
    const [first, second] = [fullPipe(dir, 'first'), fullPipe(dir, 'second')];
    const signal = namedPipe(dir, 'signal');
    const drainer = await startDrainer(signal.path, [first, second]);
    const fallback = new PassThrough();
    const pipeWrite = (fd: number, text: string) => ({
      fd,
      write: { socket: fallback, frames: Buffer.from(text) },
    });
    const x = Buffer.from('x');
    const batch: { fd: number; write: FrameWrite }[] = [
      pipeWrite(first.fd, 'A'),
      pipeWrite(second.fd, 'B'),
      ...Array.from({ length: 2000 }, (_, i) => {
        const { socket } = pairs[i % pairs.length]!;
        return { fd: descriptorOf(socket)!, write: { socket, frames: x } };
      }),
      pipeWrite(signal.fd, '!'),
    ];
    const received = pairs.map(({ client }) => receive(client, 100));
    const own = pool.write(
      batch.map(({ write }) => write),
      batch.map(({ fd }) => fd),
    );

    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(batch.length);
    expect([1, batch.length - 2]).toContain(own);
    expect(await drainer.outcome).toBe('signalled with 1 byte');
    expect([pending(first.path), pending(second.path)]).toEqual(['A', 'B']);
    expect(fallback.readableLength).toBe(0);
    const bytes = await Promise.all(received);
    expect(bytes.map((chunk) => chunk.toString())).toEqual(pairs.map(() => 'x'.repeat(100)));
  }, 30_000);
});
