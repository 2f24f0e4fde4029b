/**
 * Latencies in 0.1 ms buckets up to 60 s (the last bucket holds anything slower): a subscriber
 * process records millions of samples in fixed memory and sends its counts to the parent,
 * which merges them. Percentiles are nearest rank, to the bucket's upper edge.
 */
const bucketMs = 0.1;
const buckets = 600_000;

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export class Histogram {
  readonly counts = new Uint32Array(buckets);
  count = 0;
  maxMs = 0;

  add(ms: number, times = 1): void {
    const bucket = Math.min(buckets - 1, Math.max(0, Math.floor(ms / bucketMs)));
    this.counts[bucket]! += times;
    this.count += times;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < buckets; i += 1) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.maxMs = Math.max(this.maxMs, other.maxMs);
  }

  /** Non-empty buckets as [bucket, count] pairs (what a child process sends). */
  sparse(): [number, number][] {
    const pairs: [number, number][] = [];
    for (let i = 0; i < buckets; i += 1) if (this.counts[i]! > 0) pairs.push([i, this.counts[i]!]);
    return pairs;
  }

  static fromSparse(pairs: readonly [number, number][], maxMs: number): Histogram {
    const histogram = new Histogram();
    for (const [bucket, n] of pairs) {
      histogram.counts[bucket]! += n;
      histogram.count += n;
    }
    histogram.maxMs = maxMs;
    return histogram;
  }

  percentile(q: number): number {
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < buckets; i += 1) {
      seen += this.counts[i]!;
      if (seen >= rank) return (i + 1) * bucketMs;
    }
    return Number.NaN;
  }

  summary(): LatencySummary {
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      count: this.count,
      p50: round(this.percentile(0.5)),
      p99: round(this.percentile(0.99)),
      max: round(this.maxMs),
    };
  }
}

/** p50, p99 and max of a list of samples (the HTTP requests: few enough to keep). */
export function summarize(samples: readonly number[]): LatencySummary {
  const histogram = new Histogram();
  for (const sample of samples) histogram.add(sample);
  return histogram.summary();
}
