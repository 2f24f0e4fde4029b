import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { QUERY_KINDS } from '../src/query-mix';
import { runQueryBench } from '../src/run-query-bench';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('the GraphQL query benchmark', () => {
  it('loads a small history, sends every kind of query through the gateway and reports each', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tidemark-query-bench-smoke-'));
    dirs.push(dataDir);
    const shape = { trades: 24_000, wallets: 400, pools: 20, days: 3, start: 1_699_920_000 };
    const report = await runQueryBench({
      shape,
      dataDir,
      skipLoad: false,
      rate: 60,
      warmupSeconds: 1,
      durationSeconds: 4,
      log: () => undefined,
    });
    expect(report.firstErrors).toEqual([]);
    expect(report.errors).toBe(0);
    expect(report.loadSeconds).not.toBeNull();
    for (const kind of QUERY_KINDS) {
      const figures = report.kinds[kind];
      expect(figures.count, kind).toBeGreaterThan(0);
      expect(Number.isFinite(figures.p50) && Number.isFinite(figures.p99), kind).toBe(true);
      expect(figures.p99, kind).toBeGreaterThanOrEqual(figures.p50);
    }
    expect(report.overall.count).toBe(
      QUERY_KINDS.reduce((n, kind) => n + report.kinds[kind].count, 0),
    );
  });
});
