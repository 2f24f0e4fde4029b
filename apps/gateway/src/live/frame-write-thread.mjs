// A write thread of the live server (see write-pool.ts, whose layout this mirrors): it claims
// writes from the current batch one at a time, as the main thread and the other threads do, and
// writes each to its socket's descriptor. Plain JavaScript, so it loads the same way wherever the
// gateway runs (tsx, Vitest, a bundle).
import { writeSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

const Word = 0;
const Done = 1;
const Exit = 2;
const IndexBits = 20;
const IndexMask = (1 << IndexBits) - 1;

const control = new Int32Array(workerData.control);
const counts = new Int32Array(workerData.counts);
const entries = new Int32Array(workerData.entries);
const results = new Int32Array(workerData.results);
const frames = new Uint8Array(workerData.frames);

function write(index) {
  const at = index * 3;
  try {
    return writeSync(entries[at], frames, entries[at + 1], entries[at + 2]);
  } catch {
    // EAGAIN (the socket's buffer is full) or a dead socket: the main thread then writes it
    // through the socket, which queues it or reports the error as any write does.
    return -1;
  }
}

let seen = Atomics.load(control, Word);
for (;;) {
  Atomics.wait(control, Word, seen);
  if (Atomics.load(control, Exit) === 1) break;
  for (;;) {
    const word = Atomics.load(control, Word);
    const index = word & IndexMask;
    const count = counts[word >>> IndexBits];
    if (index >= count) {
      seen = word;
      break;
    }
    if (Atomics.compareExchange(control, Word, word, word + 1) !== word) continue;
    results[index] = write(index);
    if (Atomics.add(control, Done, 1) + 1 === count) Atomics.notify(control, Done);
  }
}
