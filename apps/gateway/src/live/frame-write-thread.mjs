// A write thread of the live server (see write-threads.ts): it writes shared WebSocket frames to
// socket descriptors while the main thread writes its own share of the sockets. Plain JavaScript,
// so it loads the same way wherever the gateway runs (tsx, Vitest, a bundle).
import { writeSync } from 'node:fs';
import { workerData } from 'node:worker_threads';

const Idle = 0;
const Work = 1;
const Exit = 3;
const Done = 2;

const { control, entries, results, frames } = workerData;
const state = new Int32Array(control);
const entry = new Int32Array(entries);
const written = new Int32Array(results);
const bytes = new Uint8Array(frames);

for (;;) {
  Atomics.wait(state, 0, Idle);
  if (Atomics.load(state, 0) === Exit) break;
  if (Atomics.load(state, 0) !== Work) continue;
  const count = state[1];
  for (let i = 0; i < count; i += 1) {
    const at = i * 3;
    try {
      written[i] = writeSync(entry[at], bytes, entry[at + 1], entry[at + 2]);
    } catch {
      // EAGAIN (the socket's buffer is full) or a dead socket: the main thread writes it through
      // the socket, which queues or reports the error as any write does.
      written[i] = -1;
    }
  }
  Atomics.store(state, 0, Done);
  Atomics.notify(state, 0);
}
