import type { Duplex } from 'node:stream';

/**
 * Holds the TCP sockets written to during one turn of the event loop corked, and uncorks them all
 * once the turn's I/O is done: the frames a bus batch sends to one socket (a block's trades) leave
 * in one write instead of one system call per frame, which is what the cost per subscriber is.
 */
export class WriteBatch {
  private readonly held = new Set<Duplex>();
  private scheduled = false;

  /** Corks `socket` until the end of this turn (at most once per turn). */
  hold(socket: Duplex): void {
    if (this.held.has(socket)) return;
    socket.cork();
    this.held.add(socket);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Releases every held socket now (also called when a socket closes). */
  flush(): void {
    this.scheduled = false;
    const sockets = [...this.held];
    this.held.clear();
    for (const socket of sockets) socket.uncork();
  }

  release(socket: Duplex): void {
    if (this.held.delete(socket)) socket.uncork();
  }
}
