import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Histogram } from '../src/histogram';
import { fitIdleCounts, runGatewayBench } from '../src/run-gateway-bench';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the gateway benchmark', () => {
  it('measures HTTP, live pushes to every subscriber and idle memory on a small run', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tidemark-gateway-bench-smoke-'));
    dirs.push(dataDir);
    const report = await runGatewayBench({
      dataDir,
      seedTrades: 1000,
      http: { rate: 40, warmupSeconds: 1, durationSeconds: 2 },
      live: { subscribers: 60, processes: 2, blocks: 3, tradesPerBlock: 2, blockIntervalMs: 200 },
      idle: [100],
      writeThreads: 1,
      log: () => undefined,
    });
    expect(report.http.firstError).toBeUndefined();
    expect(report.http.latency.count).toBe(80);
    expect(report.http.latency.p99).toBeGreaterThanOrEqual(report.http.latency.p50);
    // Every subscriber got every trade of every measured block, once.
    expect(report.live.expected).toBe(60 * 3 * 2);
    expect(report.live.delivered).toBe(report.live.expected);
    expect(report.live.latency.p50).toBeGreaterThan(0);
    expect(report.live.gatewayFanout.count).toBe(3);
    expect(report.live.gatewayCpuMsPerBlock).toBeGreaterThan(0);
    // The count the gateway reports it started with: the setting made it through to the process.
    expect(report.writeThreads).toBe(1);
    expect(report.idle.map((idle) => idle.subscribers)).toEqual([100]);
    expect(report.idle[0]!.rssBytes).toBeGreaterThan(0);
  });
});

describe('Histogram', () => {
  it('gives nearest-rank percentiles to 0.1 ms and survives a round trip through its sparse form', () => {
    const histogram = new Histogram();
    for (let ms = 1; ms <= 100; ms += 1) histogram.add(ms);
    const copy = Histogram.fromSparse(histogram.sparse(), histogram.maxMs);
    expect(copy.summary()).toEqual({ count: 100, p50: 50.1, p99: 99.1, max: 100 });
  });
});

describe('fitIdleCounts', () => {
  it('keeps the counts under the descriptor limit and adds the most that fits', () => {
    expect(fitIdleCounts([10_000, 50_000], 20_000)).toEqual({
      fitting: [10_000, 19_000],
      skipped: [50_000],
    });
    expect(fitIdleCounts([10_000, 50_000], 1_048_576)).toEqual({
      fitting: [10_000, 50_000],
      skipped: [],
    });
  });
});
