import { Topics } from '@tidemark/domain';
import type { Admin } from 'kafkajs';

/** Messages that failed validation, kept with where they came from (see dead-letter.ts). */
export const DEAD_LETTER_TOPIC = 'tidemark.dead-letter.v1';

/**
 * Creates the bus topics that do not exist yet. Replication follows the cluster's default; a
 * topic created concurrently by another process counts as present.
 */
export async function ensureTopics(admin: Admin, partitions: number): Promise<void> {
  const wanted = [
    ...Object.values(Topics).map((topic) => ({ topic, numPartitions: partitions })),
    { topic: DEAD_LETTER_TOPIC, numPartitions: 1 },
  ];
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter(({ topic }) => !existing.has(topic));
  if (missing.length === 0) return;
  await admin.createTopics({ topics: missing, waitForLeaders: true });
}
