import { createLogger } from '@tidemark/runtime';
import {
  startKafka,
  startPostgres,
  type KafkaBroker,
  type PostgresServer,
} from '@tidemark/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedTrades } from '../src/run-ingest-bench';
import { runIngestHalf, runSinkHalf } from '../src/run-split-roles';
import { defaultShape } from '../src/synthetic-market';

let kafka: KafkaBroker;
let postgres: PostgresServer;
beforeAll(async () => {
  [kafka, postgres] = await Promise.all([startKafka(), startPostgres()]);
});
afterAll(async () => {
  await Promise.all([kafka?.stop(), postgres?.stop()]);
});

describe('the Kafka-mode benchmark halves', () => {
  it('ingest publishes every event and the sink stores every swap as a trade', async () => {
    const shape = { ...defaultShape, totalLogs: 4_000, pools: 30 };
    const records: Record<string, unknown>[] = [];
    const options = {
      shape,
      brokers: kafka.brokers,
      databaseUrl: postgres.url,
      maxBlockRange: 5,
      logger: createLogger('bench', 'warn'),
      report: (record: Record<string, unknown>) => void records.push(record),
    };
    let sinkReady: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => (sinkReady = resolve));
    const sink = runSinkHalf({
      ...options,
      report: (record) => {
        options.report(record);
        if (record.ready === true) sinkReady();
      },
    });
    await ready;
    await runIngestHalf(options);
    await sink;
    const published = records.find((r) => 'publishedAt' in r);
    const stored = records.find((r) => 'doneAt' in r);
    expect(published?.events).toBe(shape.totalLogs + Number(published?.blocks));
    expect(stored?.trades).toBe(expectedTrades(shape));
  });
});
