/** Per-chain progress of the ingest role: what `npm start` prints and metrics will expose. */
export interface ChainProgress {
  chainId: number;
  name: string;
  head: number | null;
  /** The last block whose events are published. */
  ingested: number | null;
  eventsPerSecond: number;
  lag: number | null;
  totalEvents: number;
}

const WINDOW_MS = 10_000;

export class ProgressTracker {
  private readonly chains = new Map<
    number,
    ChainProgress & { samples: { at: number; events: number }[] }
  >();

  constructor(private readonly now: () => number = Date.now) {}

  register(chainId: number, name: string): void {
    if (!this.chains.has(chainId)) {
      this.chains.set(chainId, {
        chainId,
        name,
        head: null,
        ingested: null,
        eventsPerSecond: 0,
        lag: null,
        totalEvents: 0,
        samples: [],
      });
    }
  }

  head(chainId: number, head: number): void {
    const c = this.chains.get(chainId);
    if (c) c.head = head;
  }

  ingested(chainId: number, block: number, events: number): void {
    const c = this.chains.get(chainId);
    if (!c) return;
    c.ingested = block;
    c.totalEvents += events;
    c.samples.push({ at: this.now(), events });
  }

  snapshot(): ChainProgress[] {
    const now = this.now();
    return [...this.chains.values()].map(({ samples, ...c }) => {
      while (samples.length > 0 && (samples[0]?.at ?? now) < now - WINDOW_MS) samples.shift();
      const events = samples.reduce((sum, s) => sum + s.events, 0);
      const lag = c.head !== null && c.ingested !== null ? Math.max(0, c.head - c.ingested) : null;
      return { ...c, eventsPerSecond: events / (WINDOW_MS / 1000), lag };
    });
  }
}

/** One human line: `31337 devnet-a  head 120  indexed 120  events/s 35.2  lag 0`. */
export function formatProgress(progress: readonly ChainProgress[]): string {
  return progress
    .map(
      (c) =>
        `${c.name} (${c.chainId}) head ${c.head ?? '-'} indexed ${c.ingested ?? '-'} events/s ${c.eventsPerSecond.toFixed(1)} lag ${c.lag ?? '-'}`,
    )
    .join(' | ');
}
