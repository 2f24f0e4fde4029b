import { startKafka, startPostgres } from '@tidemark/testkit';
import { afterAll, describe } from 'vitest';
import { endToEndCases, useStack } from './support/e2e-suite';

describe('server mode (Apache Kafka, PostgreSQL server)', () => {
  const services: { stop(): Promise<void> }[] = [];
  // Registered before the stack's hooks: after-hooks run in reverse, so the services stop last.
  afterAll(async () => {
    for (const s of services) await s.stop();
  }, 60_000);
  const stack = useStack(
    async () => {
      const [kafka, postgres] = await Promise.all([startKafka(), startPostgres()]);
      services.push(kafka, postgres);
      return { KAFKA_BROKERS: kafka.brokers.join(','), DATABASE_URL: postgres.url };
    },
    { web: false },
  );
  endToEndCases(stack);
});
