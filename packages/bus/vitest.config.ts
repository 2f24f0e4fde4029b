import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'bus',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // The Kafka suite starts a real broker (and may first fetch its jars) and waits on group joins.
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
