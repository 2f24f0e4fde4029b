/** p50 and p99 (nearest rank) of latencies in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    count: sorted.length,
    p50: round(rank(0.5)),
    p99: round(rank(0.99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
}
