/** Per-chain progress of the ingest role: what `npm start` prints and metrics will expose. */
export interface ChainProgress {
  chainId: number;
  name: string;
  head: number | null;
  /** The last block whose events are published. */
  ingested: number | null;
  eventsPerSecond: number;
  /** Blocks ingested per second over the window, and the time left to reach the head at that rate. */
  blocksPerSecond: number;
  etaSeconds: number | null;
  lag: number | null;
  totalEvents: number;
  /** Reorgs rolled back since start. */
  reorgs: number;
  /** Reorgs deeper than the window: each one stopped ingest of the chain. */
  reorgsTooDeep: number;
}

const WINDOW_MS = 10_000;

export class ProgressTracker {
  private readonly chains = new Map<
    number,
    ChainProgress & { samples: { at: number; events: number; blocks: number }[] }
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
        blocksPerSecond: 0,
        etaSeconds: null,
        lag: null,
        totalEvents: 0,
        reorgs: 0,
        reorgsTooDeep: 0,
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
    const blocks = c.ingested === null ? 0 : Math.max(0, block - c.ingested);
    c.ingested = block;
    c.totalEvents += events;
    c.samples.push({ at: this.now(), events, blocks });
  }

  /** A reorg rolled the chain back to `ancestor`. */
  reorg(chainId: number, ancestor: number): void {
    const c = this.chains.get(chainId);
    if (!c) return;
    c.reorgs += 1;
    c.ingested = ancestor;
  }

  reorgTooDeep(chainId: number): void {
    const c = this.chains.get(chainId);
    if (c) c.reorgsTooDeep += 1;
  }

  snapshot(): ChainProgress[] {
    const now = this.now();
    return [...this.chains.values()].map(({ samples, ...c }) => {
      while (samples.length > 0 && (samples[0]?.at ?? now) < now - WINDOW_MS) samples.shift();
      const events = samples.reduce((sum, s) => sum + s.events, 0);
      const lag = c.head !== null && c.ingested !== null ? Math.max(0, c.head - c.ingested) : null;
      const blocksPerSecond = samples.reduce((sum, s) => sum + s.blocks, 0) / (WINDOW_MS / 1000);
      const etaSeconds = lag !== null && blocksPerSecond > 0 ? lag / blocksPerSecond : null;
      return {
        ...c,
        eventsPerSecond: events / (WINDOW_MS / 1000),
        blocksPerSecond,
        etaSeconds,
        lag,
      };
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

/** A backfill line: `ethereum (1) block 1200/5000 blocks/s 250.0 events/s 50000.0 eta 15s`. */
export function formatBackfill(progress: readonly ChainProgress[]): string {
  return progress
    .map((c) => {
      const eta = c.etaSeconds === null ? '-' : `${Math.ceil(c.etaSeconds)}s`;
      return `${c.name} (${c.chainId}) block ${c.ingested ?? '-'}/${c.head ?? '-'} blocks/s ${c.blocksPerSecond.toFixed(1)} events/s ${c.eventsPerSecond.toFixed(1)} eta ${eta}`;
    })
    .join(' | ');
}
