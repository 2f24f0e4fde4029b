import { createLogger } from '@tidemark/runtime';
import { parseArgs } from 'node:util';
import { runIngestBench } from './run-ingest-bench';
import { runIngestHalf, runSinkHalf } from './run-split-roles';
import { defaultShape } from './synthetic-market';

// One benchmark process, so its peak RSS is its own. Prints JSON lines on stdout: for `--role all`
// (everything in this process) one result; for `--role ingest|sink` (Kafka mode, one half each)
// a line when ready and one when done.
const { values } = parseArgs({
  options: {
    logs: { type: 'string', default: String(defaultShape.totalLogs) },
    role: { type: 'string', default: 'all' },
    brokers: { type: 'string' },
    'database-url': { type: 'string' },
    'clickhouse-url': { type: 'string' },
    'max-block-range': { type: 'string', default: '50' },
  },
});
const logger = createLogger('bench', 'warn', process.stderr);
const shape = { ...defaultShape, totalLogs: Number(values.logs) };
const maxBlockRange = Number(values['max-block-range']);
const report = (record: unknown) => process.stdout.write(`${JSON.stringify(record)}\n`);

if (values.role === 'all') {
  const result = await runIngestBench({
    shape,
    stores: {
      kafkaBrokers: values.brokers?.split(','),
      databaseUrl: values['database-url'],
      clickhouseUrl: values['clickhouse-url'],
    },
    maxBlockRange,
    logger,
    onProgress: (line) => process.stderr.write(`  ${line}\n`),
  });
  report(result);
} else {
  const { brokers, 'database-url': databaseUrl } = values;
  if (!brokers || !databaseUrl)
    throw new Error('--role ingest|sink needs --brokers and --database-url');
  const options = {
    shape,
    brokers: brokers.split(','),
    databaseUrl,
    maxBlockRange,
    logger,
    report,
  };
  if (values.role === 'ingest') await runIngestHalf(options);
  else if (values.role === 'sink') await runSinkHalf(options);
  else throw new Error(`unknown --role ${values.role} (all, ingest or sink)`);
}
