import { startKafka, startPostgres } from '@tidemark/testkit';
const [k, p] = await Promise.all([startKafka(), startPostgres()]);
process.stdout.write(`--brokers ${k.brokers.join(',')} --database-url ${p.url}\n`);
await new Promise((r) => process.stdin.once('data', r));
await k.stop(); await p.stop();
process.exit(0);
