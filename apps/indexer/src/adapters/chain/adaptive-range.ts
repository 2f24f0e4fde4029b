import { isRangeFailure } from './endpoints/rpc-errors';

/**
 * The eth_getLogs span a provider accepts, learnt as we go: a "range too wide / too many
 * results" answer halves the span and asks again; each run of successes grows it back by half,
 * up to the configured maximum.
 */
export class AdaptiveRange {
  private span: number;
  private streak = 0;

  constructor(
    private readonly maxSpan: number,
    private readonly growAfter = 3,
  ) {
    this.span = maxSpan;
  }

  get currentSpan(): number {
    return this.span;
  }

  /** Everything `fetch` returns for [from, to], asked in chunks the provider accepts, in order. */
  async collect<T>(
    from: number,
    to: number,
    fetch: (from: number, to: number) => Promise<T[]>,
  ): Promise<T[]> {
    const out: T[] = [];
    let start = from;
    while (start <= to) {
      const end = Math.min(to, start + this.span - 1);
      try {
        out.push(...(await fetch(start, end)));
      } catch (error) {
        if (!isRangeFailure(error) || end === start) throw error;
        this.shrink(end - start + 1);
        continue;
      }
      this.grow();
      start = end + 1;
    }
    return out;
  }

  private shrink(failedSpan: number): void {
    this.span = Math.max(1, Math.floor(failedSpan / 2));
    this.streak = 0;
  }

  private grow(): void {
    this.streak += 1;
    if (this.streak < this.growAfter || this.span >= this.maxSpan) return;
    this.span = Math.min(this.maxSpan, this.span + Math.ceil(this.span / 2));
    this.streak = 0;
  }
}
