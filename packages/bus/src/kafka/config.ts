import { z } from 'zod';
import { BusConfigError } from '../errors';

const BrokerAddress = z.string().regex(/^[^\s:,/]+:\d{1,5}$/, 'expected host:port');

/** Kafka bus settings. `brokers` takes a list or the comma-separated form of KAFKA_BROKERS. */
export const KafkaBusConfig = z.object({
  brokers: z
    .union([
      z.string().transform((list) => list.split(',').map((broker) => broker.trim())),
      z.array(z.string()),
    ])
    .pipe(z.array(BrokerAddress).min(1, 'at least one broker is needed')),
  clientId: z.string().min(1).default('tidemark'),
  /** Partitions of each bus topic when the bus creates it; an existing topic is left as it is. */
  partitions: z.number().int().min(1).max(10_000).default(6),
});
export type KafkaBusConfig = z.infer<typeof KafkaBusConfig>;
export type KafkaBusConfigInput = z.input<typeof KafkaBusConfig>;

export function parseKafkaBusConfig(input: KafkaBusConfigInput): KafkaBusConfig {
  const result = KafkaBusConfig.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new BusConfigError(`invalid Kafka bus configuration: ${problems.join('; ')}`);
}
