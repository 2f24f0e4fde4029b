import { createLogger } from '@tidemark/indexer';
import { parseArgs } from 'node:util';
import { runIngestBench } from './run-ingest-bench';
import { defaultShape } from './synthetic-market';

// One benchmark run in its own process, so its peak RSS is its own. Prints one JSON line.
const { values } = parseArgs({
  options: {
    logs: { type: 'string', default: String(defaultShape.totalLogs) },
    brokers: { type: 'string' },
    'database-url': { type: 'string' },
    'clickhouse-url': { type: 'string' },
    'max-block-range': { type: 'string', default: '50' },
  },
});
const logger = createLogger('bench', 'warn', process.stderr);
const result = await runIngestBench({
  shape: { ...defaultShape, totalLogs: Number(values.logs) },
  stores: {
    kafkaBrokers: values.brokers?.split(','),
    databaseUrl: values['database-url'],
    clickhouseUrl: values['clickhouse-url'],
  },
  maxBlockRange: Number(values['max-block-range']),
  logger,
  onProgress: (line) => process.stderr.write(`  ${line}\n`),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
