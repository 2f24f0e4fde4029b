import { createLogger } from '@tidemark/runtime';
import { describe, expect, it } from 'vitest';
import { expectedTrades, runIngestBench } from '../src/run-ingest-bench';
import { defaultShape } from '../src/synthetic-market';

describe('the ingest benchmark harness', () => {
  it('indexes a small generated chain end to end and stores every swap as a trade', async () => {
    const shape = { ...defaultShape, totalLogs: 5_000, pools: 40 };
    const result = await runIngestBench({
      shape,
      stores: {},
      maxBlockRange: 5,
      logger: createLogger('bench', 'warn'),
    });
    expect(result.blocks).toBe(25);
    // Every log is indexed, plus one BlockV1 per block.
    expect(result.events).toBe(shape.totalLogs + result.blocks);
    expect(result.trades).toBe(expectedTrades(shape));
    expect(result.trades).toBeGreaterThan(500);
    expect(result.eventsPerSecond).toBeGreaterThan(0);
  });
});
