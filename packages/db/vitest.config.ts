import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Real stores: PGlite initialises a cluster per test, a PostgreSQL server starts per file.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
